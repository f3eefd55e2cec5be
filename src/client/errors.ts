import { type ErrorCode, PipewrightError } from '../errors/index.js';
import { parseRetryAfter } from '../net/index.js';
import type { ErrorBody } from '../service/index.js';
import { RemoteError } from './remote-error.js';

/** One HTTP answer, whatever its status. Header names are lower case. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** Our error body as a compatible server may send it: any of the envelope's fields may be missing or of another type. */
interface Envelope {
  error: { [Field in keyof ErrorBody['error']]?: unknown };
  [extra: string]: unknown;
}

/** Codes for answers that do not carry the contract's envelope (a proxy's 502, a compatible API). */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  404: 'not_found',
  429: 'rate_limited',
  500: 'internal',
  502: 'unavailable',
  503: 'unavailable',
  504: 'unavailable',
};

/**
 * The one mapping from a non-2xx answer to the error the caller sees: the envelope's `code` and
 * `message` unchanged (RemoteError says what becomes of a code this build does not know); `kind`
 * 'user' for 4xx, 'operational' for 5xx; `details` holding the status,
 * error type, request id, `retryAfter` (seconds) and every field the server put beside `error`
 * (violations, warnings, the 402 credit fields, currentUpdatedAt…). `secret` (the API key) is
 * cut out of the body first, in case a server echoes it.
 */
export function responseError(reply: Reply, secret: string): RemoteError {
  const text = new TextDecoder().decode(reply.body).replaceAll(secret, '[redacted]');
  const envelope = parseEnvelope(text);
  const { error, ...extras } = envelope ?? { error: {} };
  const requestId = stringOr(error.requestId, header(reply.headers, 'x-request-id'));
  const retryAfterMs = parseRetryAfter(reply.headers['retry-after']);
  const retryAfter = retryAfterMs === undefined ? extras.retryAfter : retryAfterMs / 1000;
  const details: Record<string, unknown> = {
    status: reply.status,
    ...(typeof error.type === 'string' && { type: error.type }),
    ...(requestId !== undefined && { requestId }),
    ...extras,
    ...(typeof retryAfter === 'number' && { retryAfter }),
  };
  const code = stringOr(error.code, STATUS_CODES[reply.status] ?? 'http_error')!;
  const message = stringOr(error.message, `The API answered HTTP ${reply.status}`)!;
  return new RemoteError(code, message, { status: reply.status, transient: reply.status >= 500 || reply.status === 429, details });
}

/** A 2xx whose body is not what the route promises (not JSON): a server or proxy fault. */
export function invalidResponse(reply: Reply, cause: unknown): PipewrightError {
  const requestId = header(reply.headers, 'x-request-id');
  return new PipewrightError('invalid_response', `The API answered HTTP ${reply.status} with a body that is not JSON`, {
    cause,
    details: { status: reply.status, ...(requestId !== undefined && { requestId }) },
  });
}

export function header(headers: Reply['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseEnvelope(text: string): Envelope | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    const error = (parsed as { error?: unknown } | null)?.error;
    return typeof error === 'object' && error !== null ? (parsed as Envelope) : undefined;
  } catch {
    return undefined;
  }
}

function stringOr(value: unknown, fallback: string | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : fallback;
}
