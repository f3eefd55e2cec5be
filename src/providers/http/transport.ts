import { PipewrightError, isPipewrightError } from '../../errors/index.js';
import { PROVIDER_LABELS, errorCodes, errorText, httpError, malformedAnswer, redact } from '../errors.js';
import type { ProviderId } from '../provider.js';
import { parseRetryAfter, retry } from '../../net/index.js';
import { billedFailure, resendable, type ResendRule } from './billed-requests.js';
import type { HttpClient, HttpRequest } from './client.js';

export interface ProviderRetrySettings {
  /** Retries after the first try, for transient failures only. */
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
  /** A `Retry-After` longer than this is not waited out here: the error goes to the engine. */
  maxRetryAfterMs: number;
}

export const DEFAULT_PROVIDER_RETRY: ProviderRetrySettings = { retries: 3, minDelayMs: 500, maxDelayMs: 8_000, factor: 2, maxRetryAfterMs: 60_000 };

export interface ProviderTransportOptions {
  provider: ProviderId;
  http: HttpClient;
  /** Sent on every request (auth, versions). */
  headers: Record<string, string>;
  /** Redacted from every provider text that could reach an error. */
  secrets: string[];
  retry: ProviderRetrySettings;
}

export type TransportRequest = Omit<HttpRequest, 'headers'>;

/** JSON over HTTP for one provider: auth headers, transient retries, errors with stable codes. */
export interface ProviderTransport {
  /** Retries network failures, 429 (honouring `Retry-After`) and 5xx; resolves with the parsed 2xx body. */
  json(call: TransportRequest): Promise<unknown>;
  /**
   * The request that starts a billed job: sent again only on what `rule` allows (honouring
   * `Retry-After`); any other failure after it went out is `provider_submit_uncertain`.
   */
  submit(call: TransportRequest, rule: ResendRule): Promise<unknown>;
  /** One try, no retries: for best-effort requests such as cancel. */
  once(call: TransportRequest): Promise<unknown>;
}

export function createProviderTransport(options: ProviderTransportOptions): ProviderTransport {
  const once = (call: TransportRequest) => attempt(options, call);
  const retried = (call: TransportRequest, worthIt: (error: unknown) => boolean) =>
    retry(() => once(call), {
      retries: options.retry.retries,
      backoff: options.retry,
      signal: call.signal,
      retryable: (error) => worthIt(error) && retriable(error, options.retry, call.signal),
      serverDelayMs: retryAfterMsOf,
    });
  return {
    once,
    json: (call) => retried(call, () => true),
    async submit(call, rule) {
      try {
        return await retried(call, (error) => resendable(error, rule));
      } catch (error) {
        throw call.signal.aborted ? error : billedFailure(options.provider, error, rule);
      }
    },
  };
}

async function attempt(options: ProviderTransportOptions, call: TransportRequest): Promise<unknown> {
  let response;
  try {
    response = await options.http.send({ ...call, headers: options.headers });
  } catch (error) {
    // The caller's abort is theirs to recognise, and is never retried.
    if (call.signal.aborted) throw call.signal.reason;
    throw networkError(options.provider, error);
  }
  const text = redact(response.text, options.secrets);
  if (response.status >= 200 && response.status < 300) return parseJson(options.provider, text);
  const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
  const error = httpError({
    provider: options.provider,
    status: response.status,
    text: errorText(text),
    providerCodes: errorCodes(text),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
  // A server that says `x-should-retry: false` is not asked again: OpenAI's and Anthropic's SDKs obey it too.
  if (response.headers['x-should-retry'] === 'false' && error.transient) {
    throw new PipewrightError(error.code, error.message, { details: error.details, transient: false });
  }
  throw error;
}

function retriable(error: unknown, settings: ProviderRetrySettings, signal: AbortSignal): boolean {
  if (signal.aborted || !isPipewrightError(error) || !error.transient) return false;
  return (retryAfterMsOf(error) ?? 0) <= settings.maxRetryAfterMs;
}

/** The provider's `Retry-After`, which the wait before the retry is never shorter than. */
function retryAfterMsOf(error: unknown): number | undefined {
  const retryAfterMs = isPipewrightError(error) ? error.details.retryAfterMs : undefined;
  return typeof retryAfterMs === 'number' ? retryAfterMs : undefined;
}

function networkError(provider: ProviderId, error: unknown): PipewrightError {
  const code = (error as { code?: unknown })?.code;
  const label = PROVIDER_LABELS[provider];
  const details = { provider, ...(typeof code === 'string' ? { errorCode: code } : {}) };
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new PipewrightError('provider_timeout', `${label} did not answer in time`, { cause: error, details });
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new PipewrightError('provider_bad_request', `The response from ${label} is larger than the response size limit`, { cause: error, details });
  }
  const why = typeof code === 'string' ? ` (${code})` : '';
  return new PipewrightError('provider_unavailable', `Could not reach ${label}${why}`, { cause: error, details });
}

function parseJson(provider: ProviderId, text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformedAnswer(provider, 'with a body that is not JSON', error);
  }
}
