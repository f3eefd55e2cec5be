/** One dispatched event of a text/event-stream; comments and `retry:` lines are not events. */
export interface SseMessage {
  /** The last `id:` seen on the stream so far (ids persist across events, per the spec). */
  id: string | undefined;
  /** `message` when the event named none. */
  event: string;
  data: string;
}

/**
 * Parses a text/event-stream body as the HTML standard's "event stream interpretation" says
 * (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation):
 * lines end with CRLF, LF or CR; a blank line dispatches; `data:` lines join with LF; one leading
 * space after the colon is dropped; a line starting with a colon is a comment. An event cut off
 * by the end of the stream is not dispatched.
 */
export async function* parseSse(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SseMessage> {
  const decoder = new TextDecoder();
  let buffer = '';
  let id: string | undefined;
  let event = '';
  let data: string[] = [];
  for await (const chunk of chunks) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = lineEnd(buffer); end !== undefined; end = lineEnd(buffer)) {
      const line = buffer.slice(0, end.at);
      buffer = buffer.slice(end.at + end.length);
      if (line === '') {
        if (data.length > 0) yield { id, event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
      if (field === 'data') data.push(value);
      else if (field === 'event') event = value;
      else if (field === 'id' && !value.includes('\0')) id = value;
    }
  }
}

/** Where the buffer's first complete line ends; a CR at the very end waits for the next chunk (it may be a CRLF). */
function lineEnd(buffer: string): { at: number; length: number } | undefined {
  const at = buffer.search(/[\r\n]/);
  if (at < 0) return undefined;
  if (buffer[at] === '\n') return { at, length: 1 };
  if (at === buffer.length - 1) return undefined;
  return { at, length: buffer[at + 1] === '\n' ? 2 : 1 };
}
