import { isPipewrightError, PipewrightError } from '../errors/index.js';
import { sleep } from '../net/index.js';
import { type ExecutionEvent, FINAL_EVENT_TYPES } from '../service/index.js';
import type { ClientSettings } from './options.js';
import { retryable } from './retry-policy.js';
import { parseSse } from '../sse/index.js';
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

/** Where the events are, and how to tell a run that has finished when its stream keeps ending without saying so. */
export interface EventSource {
  /** `…/executions/{id}/events`. */
  path: string;
  /** One poll of the execution: whether it has reached a final status. */
  finished: (signal: AbortSignal | undefined) => Promise<boolean>;
}

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
  source: EventSource,
  options: EventsOptions = {},
): AsyncGenerator<ExecutionEvent> {
  let last = options.lastEventId ?? 0;
  let failures = 0;
  let quietEnds = 0;
  /** A poll saw the run finished: one more stream gives what is left of it, then the iterator ends. */
  let finished = false;
  for (;;) {
    try {
      const body = await transport.stream({
        method: 'GET',
        path: source.path,
        idleMs: IDLE_MS,
        ...(last > 0 && { headers: { 'last-event-id': String(last) } }),
        ...(options.signal && { signal: options.signal }),
      });
      for await (const message of parseSse(body)) {
        const event = toEvent(message.id, message.event, message.data);
        last = event.id;
        failures = 0;
        quietEnds = 0;
        yield event;
        if (FINAL_EVENT_TYPES.has(event.type)) return;
      }
      // The server ended the stream before the run's end: it is stopping (a restart, during which
      // a long node may give nothing new; docs/events.md), or it kept no events for this run. Only
      // a poll tells the two apart, so a second quiet end in a row asks whether the run finished.
      if (finished) return;
      if (++quietEnds > 1) finished = await source.finished(options.signal);
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      if (isPipewrightError(error) && error.kind === 'user' && error.details.status !== 429) throw error;
      if (++failures > settings.retries || (isPipewrightError(error) && error.details.status !== undefined && !retryable(error, 'GET', failures, settings)))
        throw error;
    }
    // A server that is restarting needs a moment: reconnecting at once would only find it gone.
    if (!finished) await backoff(settings, Math.max(failures, quietEnds), options.signal);
  }
}

function toEvent(id: string | undefined, type: string, data: string): ExecutionEvent {
  const number = Number(id);
  if (!Number.isSafeInteger(number) || number <= 0)
    throw new PipewrightError('invalid_response', `The event stream sent an event without a valid id (${String(id)})`);
  return { id: number, type: type as ExecutionEvent['type'], data: JSON.parse(data) as Record<string, unknown> };
}

function backoff(settings: ClientSettings, attempt: number, signal: AbortSignal | undefined): Promise<void> {
  if (attempt === 0) return Promise.resolve();
  const { minDelayMs, maxDelayMs } = settings.retryDelay;
  const ms = Math.min(maxDelayMs, minDelayMs * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
  return sleep(ms, signal);
}
