/** One frame of a text/event-stream: an event (id, event, data) or a comment. */
export type SseFrame = { id?: string; event?: string; data?: string; comment?: string };

/**
 * Reads a text/event-stream response frame by frame, as written (no reconnecting, no
 * EventSource): what tests need to see every `id:`, `event:` and comment line.
 */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  #buffer = '';

  constructor(response: Response) {
    if (response.body === null) throw new Error('no body');
    this.#reader = response.body.getReader();
  }

  /** The next frame, or undefined once the stream has ended. */
  async next(): Promise<SseFrame | undefined> {
    for (;;) {
      const end = this.#buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.#buffer.slice(0, end);
        this.#buffer = this.#buffer.slice(end + 2);
        return parseFrame(block);
      }
      const { done, value } = await this.#reader.read();
      if (done) return undefined;
      this.#buffer += this.#decoder.decode(value, { stream: true });
    }
  }

  /** Every event frame (comments skipped) until the stream ends. */
  async rest(): Promise<SseFrame[]> {
    const frames: SseFrame[] = [];
    for (let frame = await this.next(); frame !== undefined; frame = await this.next()) if (frame.comment === undefined) frames.push(frame);
    return frames;
  }

  /** The next event frame, skipping comments. */
  async nextEvent(): Promise<SseFrame | undefined> {
    for (;;) {
      const frame = await this.next();
      if (frame?.comment === undefined) return frame;
    }
  }

  cancel(): Promise<void> {
    return this.#reader.cancel();
  }
}

function parseFrame(block: string): SseFrame {
  const frame: SseFrame = {};
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    const match = /^(id|event|data): ?(.*)$/.exec(line);
    if (match) frame[match[1] as 'id' | 'event' | 'data'] = match[2];
  }
  return frame;
}
