import { Webhook } from 'standardwebhooks';
import { guardedFetch, type SecurityPolicy } from '../../net/index.js';
import type { CallbackAttemptRecord } from '../../store/index.js';

export interface CallbackRequest {
  /** The `webhook-id`, the same on every attempt so a receiver can tell a redelivery. */
  id: string;
  url: string;
  body: string;
  /** One signature per secret (a rotated-out secret still signs for a day): a receiver accepts any that matches. */
  secrets: readonly string[];
  /** The server's network rules with the callback timeout; checked again on every connection. */
  policy: SecurityPolicy;
  now: () => Date;
  signal?: AbortSignal;
}

/** An answer a receiver has no reason to send long. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * One POST, signed per Standard Webhooks (https://www.standardwebhooks.com/): `webhook-id`,
 * `webhook-timestamp` (now, so a receiver's freshness check passes on a late redelivery too) and
 * `webhook-signature` over "id.timestamp.body". Redirects are not followed: the URL the caller
 * gave is the only one that receives the signed body. Only a 2xx answer counts as delivered.
 */
export async function attemptCallback(request: CallbackRequest): Promise<CallbackAttemptRecord> {
  const started = request.now();
  const signature = request.secrets.map((secret) => new Webhook(secret).sign(request.id, started, request.body)).join(' ');
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'pipewright-callbacks',
    'webhook-id': request.id,
    'webhook-timestamp': String(Math.floor(started.getTime() / 1000)),
    'webhook-signature': signature,
  };
  const at = started.toISOString();
  const elapsed = () => Math.max(0, request.now().getTime() - started.getTime());
  try {
    const answer = await guardedFetch(request.url, {
      policy: request.policy,
      method: 'POST',
      headers,
      body: request.body,
      followRedirects: false,
      maxResponseBytes: MAX_ANSWER_BYTES,
      ...(request.signal && { signal: request.signal }),
    });
    const ok = answer.status >= 200 && answer.status < 300;
    return { at, status: answer.status, error: ok ? null : `The receiver answered ${answer.status}`, durationMs: elapsed() };
  } catch (error) {
    return { at, status: null, error: error instanceof Error ? error.message : String(error), durationMs: elapsed() };
  }
}
