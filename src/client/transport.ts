import { randomUUID } from 'node:crypto';
import type { Dispatcher, Pool } from 'undici';
import { isPipewrightError } from '../errors/index.js';
import { fetchFailure, retry } from '../net/index.js';
import { header, invalidResponse, type Reply, responseError } from './errors.js';
import type { ClientSettings } from './options.js';
import { type HttpMethod, retryable, retryAfterMs } from './retry-policy.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface RestCall {
  method: HttpMethod;
  /** Below the API root, already encoded: `/workflows/wf_1`. */
  path: string;
  query?: Query;
  /** Sent as JSON when present. */
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** POST only; one is generated when absent. */
  idempotencyKey?: string;
}

/** The one way the client talks HTTP: auth, idempotency keys, timeouts, retries, error mapping. */
export interface RestTransport {
  json<T>(call: RestCall): Promise<T>;
  bytes(call: RestCall): Promise<{ bytes: Uint8Array; contentType: string }>;
  /**
   * A streamed answer (`text/event-stream`): the body as it arrives, once the status is 2xx; a
   * non-2xx is thrown as `json` throws it. No retries (the caller resumes where it was instead),
   * and no timeout on the whole answer: `idleMs` ends it when nothing arrives for that long.
   */
  stream(call: RestCall & { headers?: Record<string, string>; idleMs: number }): Promise<AsyncIterable<Uint8Array>>;
  close(): Promise<void>;
}

export function createRestTransport(settings: ClientSettings): RestTransport {
  // One keep-alive pool per client: every call goes to the same origin. Made (and undici loaded,
  // ~65 ms) on the first call: importing the client, as every `pipewright mcp` does, stays cheap.
  let own: Promise<Pool> | undefined;
  const pool = () => (own ??= import('undici').then(({ Pool }) => new Pool(settings.origin, { keepAliveTimeout: 10_000 })));
  const dispatcher = async () => settings.dispatcher ?? pool();
  const send = async (call: RestCall, accept: string) => {
    const headers = headersFor(settings, call, accept);
    const http = { settings, dispatcher: await dispatcher() };
    return withRetries(settings, call, () => attempt(http, call, headers));
  };
  return {
    async json<T>(call: RestCall): Promise<T> {
      const reply = await send(call, 'application/json');
      if (reply.body.byteLength === 0) return null as T;
      try {
        return JSON.parse(new TextDecoder().decode(reply.body)) as T;
      } catch (error) {
        throw invalidResponse(reply, error);
      }
    },
    async bytes(call) {
      const reply = await send(call, '*/*');
      return { bytes: reply.body, contentType: header(reply.headers, 'content-type') ?? 'application/octet-stream' };
    },
    async stream(call) {
      const headers = { ...headersFor(settings, call, 'text/event-stream'), ...call.headers };
      const { request } = await import('undici');
      try {
        const response = await request(urlFor(settings, call), {
          dispatcher: await dispatcher(),
          method: call.method,
          headers,
          headersTimeout: call.timeoutMs ?? settings.timeoutMs,
          bodyTimeout: call.idleMs,
          ...(call.signal && { signal: call.signal }),
        });
        if (response.statusCode >= 200 && response.statusCode <= 299) return response.body;
        const body = new Uint8Array(await response.body.arrayBuffer());
        throw responseError({ status: response.statusCode, headers: response.headers, body }, settings.apiKey);
      } catch (error) {
        if (isPipewrightError(error)) throw error;
        // undici's headers and body timeouts bound this call, not an abort signal: `timeout` never fires.
        const context = { host: new URL(settings.origin).host, timeoutMs: call.idleMs, timeout: new AbortController().signal };
        throw fetchFailure(error, { ...context, ...(call.signal && { callerSignal: call.signal }) });
      }
    },
    close: async () => {
      if (settings.dispatcher === undefined) await (await pool()).close();
    },
  };
}

function headersFor(settings: ClientSettings, call: RestCall, accept: string): Record<string, string> {
  const headers: Record<string, string> = { authorization: `Bearer ${settings.apiKey}`, accept };
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  // Made once per call, so every attempt carries the same key: the server replays, never repeats.
  if (call.method === 'POST') headers['idempotency-key'] = call.idempotencyKey ?? randomUUID();
  return headers;
}

function withRetries(settings: ClientSettings, call: RestCall, once: () => Promise<Reply>): Promise<Reply> {
  return retry(once, {
    retries: settings.retries,
    backoff: { ...settings.retryDelay, factor: 2 },
    ...(call.signal && { signal: call.signal }),
    retryable: (error, attempt) => retryable(error, call.method, attempt, settings),
    serverDelayMs: retryAfterMs,
    onRetry: (event) => settings.onRetry?.({ method: call.method, path: call.path, ...event }),
  });
}

async function attempt(
  { settings, dispatcher }: { settings: ClientSettings; dispatcher: Dispatcher },
  call: RestCall,
  headers: Record<string, string>,
): Promise<Reply> {
  const timeoutMs = call.timeoutMs ?? settings.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
  const { request } = await import('undici');
  let reply: Reply;
  try {
    const response = await request(urlFor(settings, call), {
      dispatcher,
      method: call.method,
      headers,
      body: call.body === undefined ? null : JSON.stringify(call.body),
      signal,
    });
    reply = { status: response.statusCode, headers: response.headers, body: new Uint8Array(await response.body.arrayBuffer()) };
  } catch (error) {
    throw fetchFailure(error, { host: new URL(settings.origin).host, timeoutMs, timeout, ...(call.signal && { callerSignal: call.signal }) });
  }
  if (reply.status < 200 || reply.status > 299) throw responseError(reply, settings.apiKey);
  return reply;
}

function urlFor(settings: ClientSettings, call: RestCall): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined) query.set(name, String(value));
  const search = query.toString();
  return `${settings.origin}${settings.basePath}${call.path}${search && `?${search}`}`;
}
