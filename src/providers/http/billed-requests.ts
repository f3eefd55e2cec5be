import { PipewrightError, isPipewrightError } from '../../errors/index.js';
import { PROVIDER_LABELS } from '../errors.js';
import type { ProviderId } from '../provider.js';

/**
 * What may be sent again of a request that starts billed work at a provider (a fal submit, a
 * Replicate create): only what the provider's official client sends again, since any other
 * failure may have left a job running, and paid for, at the provider (docs/providers.md, "What is retried").
 */
export interface ResendRule {
  /** HTTP statuses the provider's official client re-sends this request on. */
  statuses: readonly number[];
  /** Where a job that a failed request may have started can be found, for the error message. */
  lookIn: string;
}

/**
 * Failures from before any byte of the request left this process (no connection, no address):
 * no provider can have seen it, so it is sent again like the provider's own answers in `statuses`.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT']);

/** Whether this failure of a billed request may be sent again under `rule`. */
export function resendable(error: unknown, rule: ResendRule): boolean {
  if (!isPipewrightError(error) || !error.transient) return false;
  const { status } = error.details;
  return typeof status === 'number' ? rule.statuses.includes(status) : notSent(error);
}

/**
 * The error a billed request ends with once it is not sent again: the provider's own refusal (a
 * 4xx other than 408, which says the request was not taken), a failure from before sending, or
 * one the rule would have re-sent as it is; anything else (a 5xx, 408, a dropped connection or a
 * timeout after the request went out, a 2xx that is not the documented answer) is
 * `provider_submit_uncertain`.
 */
export function billedFailure(provider: ProviderId, error: unknown, rule: ResendRule): unknown {
  if (!isPipewrightError(error)) return error;
  const { status } = error.details;
  const refused = typeof status === 'number' && status >= 400 && status < 500 && status !== 408;
  if (refused || notSent(error) || resendable(error, rule)) return error;
  return submitUncertain(provider, rule, error.message, error);
}

/** The request that starts a job went out and its outcome is unknown: not sent again, and the user is told where to look. */
export function submitUncertain(provider: ProviderId, rule: ResendRule, what: string, cause?: unknown): PipewrightError {
  const label = PROVIDER_LABELS[provider];
  return new PipewrightError(
    'provider_submit_uncertain',
    `The request that starts a ${label} job failed after it was sent (${what}), so ${label} may have started the job, and may charge for it. ` +
      `It was not sent again. Look for it in ${rule.lookIn} before running this node again.`,
    { ...(cause === undefined ? {} : { cause }), details: isPipewrightError(cause) ? { ...cause.details, provider } : { provider } },
  );
}

function notSent(error: PipewrightError): boolean {
  const { errorCode } = error.details;
  return typeof errorCode === 'string' && NOT_SENT_CODES.has(errorCode);
}
