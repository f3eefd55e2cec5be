import { PipewrightError } from '../errors/index.js';
import type { ProviderId } from './provider.js';

/** Provider error text is quoted in messages, but never at length. */
const MAX_ERROR_TEXT = 500;

export const PROVIDER_LABELS: Record<ProviderId, string> = {
  fal: 'fal',
  replicate: 'Replicate',
  openai: 'the OpenAI-compatible API',
  anthropic: 'Anthropic',
};

export function notConfigured(provider: ProviderId, hint: string): PipewrightError {
  return new PipewrightError('provider_not_configured', hint, { details: { provider } });
}

export interface HttpFailure {
  provider: ProviderId;
  status: number;
  /** The provider's error text, already redacted. */
  text: string;
  /** The machine-readable codes in the error body (OpenAI's `error.code` and `error.type`). */
  providerCodes?: readonly string[];
  retryAfterMs?: number;
}

/** Codes that say the account has no quota or credit left: waiting does not bring it back. */
const QUOTA_CODES = new Set(['insufficient_quota']);

/** One table from HTTP status to error code (docs/execution.md: 429, 5xx and timeouts are transient). */
export function httpError({ provider, status, text, providerCodes = [], retryAfterMs }: HttpFailure): PipewrightError {
  const label = PROVIDER_LABELS[provider];
  const said = text ? `: ${text}` : '';
  const details = { provider, status, ...(text ? { providerError: text } : {}), ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
  // OpenAI answers an exhausted quota with 429 `insufficient_quota`
  // (https://platform.openai.com/docs/guides/error-codes): a retry would only be refused again.
  if (providerCodes.some((code) => QUOTA_CODES.has(code))) {
    return new PipewrightError('provider_quota_exhausted', `${label} has no quota or credit left for this account (HTTP ${status})${said}`, { details });
  }
  if (status === 401 || status === 403) {
    return new PipewrightError('provider_auth_failed', `${label} refused the credentials (HTTP ${status})${said}`, { details });
  }
  if (status === 429) {
    return new PipewrightError('provider_rate_limited', `${label} is rate limiting requests (HTTP 429)${said}`, {
      details,
    });
  }
  if (status === 408) {
    return new PipewrightError('provider_timeout', `${label} timed out (HTTP 408)${said}`, { details });
  }
  if (status >= 500) {
    return new PipewrightError('provider_unavailable', `${label} failed (HTTP ${status})${said}`, { details });
  }
  return new PipewrightError('provider_bad_request', `${label} rejected the request (HTTP ${status})${said}`, { details });
}

/** A 2xx answer that is not what the API documents: the provider's fault, and worth another try. */
export function malformedAnswer(provider: ProviderId, what: string, cause?: unknown): PipewrightError {
  return new PipewrightError('provider_unavailable', `${PROVIDER_LABELS[provider]} answered ${what}`, {
    ...(cause === undefined ? {} : { cause }),
    details: { provider },
  });
}

export function jobFailed(provider: ProviderId, jobId: string, text: string, status?: string): PipewrightError {
  const said = text ? `: ${text}` : '';
  return new PipewrightError('provider_job_failed', `The ${PROVIDER_LABELS[provider]} job ${jobId} failed${said}`, {
    details: { provider, jobId, ...(status === undefined ? {} : { status }) },
  });
}

/**
 * The human part of a provider's error body: OpenAI and Anthropic nest `error.message`,
 * fal and Replicate send `detail` (a string, or fal's list of `{ msg }` validation errors).
 */
export function errorText(body: string): string {
  let text = body;
  try {
    text = extractMessage(JSON.parse(body)) ?? body;
  } catch {
    // Not JSON: quote the raw body.
  }
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_ERROR_TEXT ? `${flat.slice(0, MAX_ERROR_TEXT)}…` : flat;
}

/** The machine-readable `error.code` and `error.type` of an OpenAI-style body (`{"error": {message, type, param, code}}`). */
export function errorCodes(body: string): string[] {
  let error: unknown;
  try {
    error = (JSON.parse(body) as { error?: unknown } | null)?.error;
  } catch {
    return [];
  }
  if (typeof error !== 'object' || error === null) return [];
  const { code, type } = error as { code?: unknown; type?: unknown };
  return [code, type].filter((value): value is string => typeof value === 'string');
}

function extractMessage(json: unknown): string | undefined {
  if (typeof json === 'string') return json;
  if (typeof json !== 'object' || json === null) return undefined;
  const { error, detail, message } = json as Record<string, unknown>;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  if (typeof detail === 'string') return detail;
  if (Array.isArray(detail))
    return detail
      .map(validationMessage)
      .filter((msg) => msg !== '')
      .join('; ');
  if (typeof message === 'string') return message;
  return undefined;
}

function validationMessage(item: unknown): string {
  if (typeof item === 'string') return item;
  const msg = (item as { msg?: unknown } | null)?.msg;
  return typeof msg === 'string' ? msg : '';
}

/** Keys never leave the process: not in messages, details, logs or results. */
export function redact(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => (secret.length >= 4 ? out.split(secret).join('[redacted]') : out), text);
}
