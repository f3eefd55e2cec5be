import type { Dispatcher } from 'undici';
import { PipewrightError } from '../errors/index.js';
import type { RetryEvent } from './retry-policy.js';

export interface RetryDelayOptions {
  /** First backoff after a failure without `Retry-After`, in ms (jittered). Default 500. */
  minDelayMs?: number;
  /** Longest backoff, in ms. Default 8000. */
  maxDelayMs?: number;
  /** A `Retry-After` longer than this is not waited out: the error is thrown at once. Default 60000. */
  maxRetryAfterMs?: number;
}

export interface PollingOptions {
  /** Wait after the first poll, in ms. Default 1000. */
  initialDelayMs?: number;
  /** Each wait is the previous one times this. Default 1.5. */
  factor?: number;
  /** No wait is longer than this, in ms. Default 10000. */
  maxDelayMs?: number;
}

export interface ClientOptions {
  /** `http://127.0.0.1:8787` (the API path `/api/v1` is added) or a full API root such as `https://host/x/api/v1`. */
  baseUrl: string | URL;
  /** Sent as `Authorization: Bearer …`; never appears in an error. */
  apiKey: string;
  /** Per HTTP attempt, in ms. Default 30000. */
  timeoutMs?: number;
  /** Retries after the first attempt, for retriable failures only. Default 2. */
  retries?: number;
  retryDelay?: RetryDelayOptions;
  /** Defaults for `executions.waitFor`. */
  polling?: PollingOptions;
  /** An undici dispatcher to send through instead of the client's own keep-alive Pool; `close()` leaves it open. */
  dispatcher?: Dispatcher;
  /** Called before each retry's wait, e.g. to log it. */
  onRetry?: (event: RetryEvent) => void;
}

export interface ClientSettings {
  origin: string;
  /** Path of the API root, no trailing slash (`/api/v1`). */
  basePath: string;
  apiKey: string;
  timeoutMs: number;
  retries: number;
  retryDelay: Required<RetryDelayOptions>;
  polling: Required<PollingOptions>;
  dispatcher?: Dispatcher;
  onRetry?: (event: RetryEvent) => void;
}

const DEFAULT_BASE_PATH = '/api/v1';

/** Checks every option up front, so a mistake surfaces at `createClient`, not on the first call. */
export function clientSettings(options: ClientOptions): ClientSettings {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'an object with baseUrl and apiKey');
  const url = parseBaseUrl(options.baseUrl);
  if (typeof options.apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(options.apiKey)) {
    throw invalid('apiKey', 'a non-empty string of printable characters without spaces');
  }
  const path = url.pathname.replace(/\/+$/, '');
  return {
    origin: url.origin,
    basePath: path === '' ? DEFAULT_BASE_PATH : path,
    apiKey: options.apiKey,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 30_000),
    retries: count('retries', options.retries, 2),
    retryDelay: {
      minDelayMs: nonNegative('retryDelay.minDelayMs', options.retryDelay?.minDelayMs, 500),
      maxDelayMs: nonNegative('retryDelay.maxDelayMs', options.retryDelay?.maxDelayMs, 8_000),
      maxRetryAfterMs: nonNegative('retryDelay.maxRetryAfterMs', options.retryDelay?.maxRetryAfterMs, 60_000),
    },
    polling: pollingSettings(options.polling),
    ...(options.dispatcher !== undefined && { dispatcher: options.dispatcher }),
    ...(options.onRetry !== undefined && { onRetry: checkFunction('onRetry', options.onRetry) }),
  };
}

/** Also checks `waitFor`'s per-call overrides. */
export function pollingSettings(options: PollingOptions = {}, base?: Required<PollingOptions>): Required<PollingOptions> {
  const initialDelayMs = nonNegative('polling.initialDelayMs', options.initialDelayMs, base?.initialDelayMs ?? 1_000);
  const factor = nonNegative('polling.factor', options.factor, base?.factor ?? 1.5);
  if (factor < 1) throw invalid('polling.factor', 'a number ≥ 1');
  return { initialDelayMs, factor, maxDelayMs: nonNegative('polling.maxDelayMs', options.maxDelayMs, base?.maxDelayMs ?? 10_000) };
}

function parseBaseUrl(value: unknown): URL {
  const expected = 'an http(s) URL such as http://127.0.0.1:8787';
  if (typeof value !== 'string' && !(value instanceof URL)) throw invalid('baseUrl', expected);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('baseUrl', expected);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid('baseUrl', expected);
  // Credentials in the URL would travel in errors and logs; the key belongs in `apiKey`.
  if (url.username || url.password || url.search || url.hash) throw invalid('baseUrl', `${expected}, without credentials, query or fragment`);
  return url;
}

export function positive(name: string, value: number | undefined, fallback: number): number {
  const checked = nonNegative(name, value, fallback);
  if (checked === 0) throw invalid(name, 'a number > 0');
  return checked;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(name, 'a finite number ≥ 0');
  return value;
}

function count(name: string, value: number | undefined, fallback: number): number {
  const checked = nonNegative(name, value, fallback);
  if (!Number.isInteger(checked) || checked > 10) throw invalid(name, 'an integer from 0 to 10');
  return checked;
}

function checkFunction<T>(name: string, value: T): T {
  if (typeof value !== 'function') throw invalid(name, 'a function');
  return value;
}

function invalid(option: string, expected: string): PipewrightError {
  return new PipewrightError('invalid_option', `Client option ${option} must be ${expected}`, { details: { option } });
}
