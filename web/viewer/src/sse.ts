// A text/event-stream read with fetch, so the request can carry the Authorization header
// (EventSource cannot). The parsing is the REST client's (src/sse, docs/architecture.md): one
// parser for both, so a fix to how the format is read is made once.
import { parseSse, type SseMessage } from '../../../src/sse/index.js';

export type StreamEvent = SseMessage;

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
  for await (const event of parseSse(chunks(response.body))) onEvent(event);
  return response;
}

/** The body's chunks as an async iterable (a ReadableStream is one only in newer browsers). */
async function* chunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
