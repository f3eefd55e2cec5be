import { describe, expect, it } from 'vitest';
import { parseSse, type SseMessage } from '../../src/sse/index.js';

/** Parses `text` fed as the given pieces (the REST client and the run viewer both read streams with this parser). */
async function parse(pieces: string[]): Promise<SseMessage[]> {
  const encoder = new TextEncoder();
  const chunks = (async function* () {
    for (const piece of pieces) yield encoder.encode(piece);
  })();
  const messages: SseMessage[] = [];
  for await (const message of parseSse(chunks)) messages.push(message);
  return messages;
}

const STREAM =
  ': keep-alive\n\nevent: node.started\ndata: {"nodeId":"a"}\nid: 1\n\nevent: node.completed\r\ndata: {"nodeId":"a",\r\ndata: "status":"COMPLETED"}\r\nid: 2\r\n\r\n';
const EXPECTED = [
  { event: 'node.started', data: '{"nodeId":"a"}', id: '1' },
  { event: 'node.completed', data: '{"nodeId":"a",\n"status":"COMPLETED"}', id: '2' },
];

describe('parseSse reads text/event-stream as the HTML standard says', () => {
  it('reads CRLF, LF and CR line ends, joins data lines, skips comments and an event cut off at the end', async () => {
    const text =
      ': hello\r\nid: 1\r\nevent: a\r\ndata: x\r\ndata:y\r\n\r\nid: 2\nevent: b\ndata: {"k":1}\n\nid: 3\revent: c\rdata: z\r\rid: 4\nevent: cut\ndata: never';
    // One byte (an ASCII character) at a time: a CR split from its LF must not end two lines.
    expect(await parse([...text])).toEqual([
      { id: '1', event: 'a', data: 'x\ny' },
      { id: '2', event: 'b', data: '{"k":1}' },
      { id: '3', event: 'c', data: 'z' },
    ]);
  });

  it('gives the same events however the bytes are cut', async () => {
    expect(await parse([STREAM])).toEqual(EXPECTED);
    for (let cut = 1; cut < STREAM.length; cut++) expect(await parse([STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(EXPECTED);
  });

  it('keeps the last id for later events, names an unnamed event message, drops one leading space only, and ignores an id with NUL', async () => {
    expect(await parse(['id: 7\n\ndata:  y\n\nid: 8\0\ndata: z\n\n'])).toEqual([
      { event: 'message', data: ' y', id: '7' },
      { event: 'message', data: 'z', id: '7' },
    ]);
  });
});
