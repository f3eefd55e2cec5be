// A text/event-stream read with fetch, so the request can carry the Authorization header
// (EventSource cannot). The format is the HTML standard's "event stream interpretation":
// https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation

export interface StreamEvent {
  event: string;
  data: string;
  id: string | undefined;
}

/** Feeds text in as it arrives; calls back once per complete event (blank-line terminated). */
export class EventStreamParser {
  #buffer = '';
  #event = '';
  #data: string[] = [];
  #id: string | undefined;

  constructor(private readonly onEvent: (event: StreamEvent) => void) {}

  push(chunk: string): void {
    this.#buffer += chunk;
    // A CR at the very end may be the first half of a CRLF: it is read with the next chunk.
    const end = this.#buffer.endsWith('\r') ? this.#buffer.length - 1 : this.#buffer.length;
    const lines = this.#buffer.slice(0, end).split(/\r\n|\r|\n/);
    // The last piece is a line not yet ended: it waits for the next chunk too.
    this.#buffer = (lines.pop() ?? '') + this.#buffer.slice(end);
    for (const line of lines) this.#line(line);
  }

  #line(line: string): void {
    if (line === '') {
      this.#dispatch();
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.#event = value;
    else if (field === 'data') this.#data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }

  #dispatch(): void {
    if (this.#data.length > 0) this.onEvent({ event: this.#event || 'message', data: this.#data.join('\n'), id: this.#id });
    this.#event = '';
    this.#data = [];
  }
}

export interface OpenStream {
  url: string;
  headers: Record<string, string>;
  lastEventId: string | undefined;
  signal: AbortSignal;
  onEvent: (event: StreamEvent) => void;
}

/** Reads one connection to its end. Resolves when the server closes it; a non-2xx answer is returned unread. */
export async function readEventStream({ url, headers, lastEventId, signal, onEvent }: OpenStream): Promise<Response> {
  const response = await fetch(url, {
    headers: { ...headers, Accept: 'text/event-stream', ...(lastEventId !== undefined && { 'Last-Event-ID': lastEventId }) },
    signal,
  });
  if (!response.ok || response.body === null) return response;
  const parser = new EventStreamParser(onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parser.push(value);
  }
  return response;
}
