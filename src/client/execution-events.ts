import { isPipewrightError, PipewrightError } from '../errors/index.js';
import { type ExecutionEvent, FINAL_EVENT_TYPES } from '../service/index.js';
import type { ClientSettings } from './options.js';
import { retryable } from './retry-policy.js';
import { parseSse } from './sse-parser.js';
import type { RestTransport } from './transport.js';

export interface EventsOptions {
  /** Start after this event id (what an earlier stream last gave); default: from the first event. */
  lastEventId?: number;
  /** Stops the stream: the iterator ends by throwing the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Four keep-alive intervals of the server (15 s, docs/events.md) with nothing at all: the
 * connection is taken for dead and opened again.
 */
const IDLE_MS = 60_000;

/**
 * `GET /workflows/executions/{id}/events` as an async iterator (docs/client.md). A connection that
 * drops or goes silent is opened again with `Last-Event-ID`, so the events come each once and in
 * order; up to `retries` failed attempts in a row are tried again, with the client's backoff.
 * Ends after the event that ends the run. A 4xx (404 for an id that is not the key's, or for a
 * server without the route) is thrown at once.
 */
export async function* executionEvents(
  transport: RestTransport,
  settings: ClientSettings,
  path: string,
  options: EventsOptions = {},
): AsyncGenerator<ExecutionEvent> {
  let last = options.lastEventId ?? 0;
  let failures = 0;
  let quietEnds = 0;
  for (;;) {
    let gave = false;
    try {
      const body = await transport.stream({
        method: 'GET',
        path,
        idleMs: IDLE_MS,
        ...(last > 0 && { headers: { 'last-event-id': String(last) } }),
        ...(options.signal && { signal: options.signal }),
      });
      for await (const message of parseSse(body)) {
        const event = toEvent(message.id, message.event, message.data);
        last = event.id;
        gave = true;
        failures = 0;
        yield event;
        if (FINAL_EVENT_TYPES.has(event.type)) return;
      }
      // The server ended the stream without the run's end: it stopped (a restart), or the run
      // finished before events were kept. A second quiet end with nothing new means the latter.
      if (!gave && ++quietEnds > 1) return;
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (isPipewrightError(error) && error.kind === 'user' && error.details.status !== 429) throw error;
      if (++failures > settings.retries || (isPipewrightError(error) && error.details.status !== undefined && !retryable(error, 'GET', failures, settings)))
        throw error;
    }
    if (gave) quietEnds = 0;
    await backoff(settings, failures, options.signal);
  }
}

function toEvent(id: string | undefined, type: string, data: string): ExecutionEvent {
  const number = Number(id);
  if (!Number.isSafeInteger(number) || number <= 0)
    throw new PipewrightError('invalid_response', `The event stream sent an event without a valid id (${String(id)})`);
  return { id: number, type: type as ExecutionEvent['type'], data: JSON.parse(data) as Record<string, unknown> };
}

function backoff(settings: ClientSettings, failures: number, signal: AbortSignal | undefined): Promise<void> {
  if (failures === 0) return Promise.resolve();
  const { minDelayMs, maxDelayMs } = settings.retryDelay;
  const ms = Math.min(maxDelayMs, minDelayMs * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}
