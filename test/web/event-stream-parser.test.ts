import { describe, expect, it } from 'vitest';
import { EventStreamParser, type StreamEvent } from '../../web/viewer/src/sse.js';

const STREAM =
  ': keep-alive\n\nevent: node.started\ndata: {"nodeId":"a"}\nid: 1\n\nevent: node.completed\r\ndata: {"nodeId":"a",\r\ndata: "status":"COMPLETED"}\r\nid: 2\r\n\r\n';

function parse(chunks: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const parser = new EventStreamParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe('the viewer reads text/event-stream as the HTML standard says', () => {
  const expected = [
    { event: 'node.started', data: '{"nodeId":"a"}', id: '1' },
    { event: 'node.completed', data: '{"nodeId":"a",\n"status":"COMPLETED"}', id: '2' },
  ];

  it('parses events, skips comments, joins data lines, takes LF and CRLF', () => {
    expect(parse([STREAM])).toEqual(expected);
  });

  it('gives the same events however the bytes are cut', () => {
    for (let cut = 1; cut < STREAM.length; cut++) expect(parse([STREAM.slice(0, cut), STREAM.slice(cut)])).toEqual(expected);
    expect(parse([...STREAM])).toEqual(expected);
  });

  it('holds an event until its blank line, keeps the last id, and names an unnamed event message', () => {
    expect(parse(['data: x\n'])).toEqual([]);
    expect(parse(['id: 7\n\ndata: y\n\n'])).toEqual([{ event: 'message', data: 'y', id: '7' }]);
  });
});
