import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PipewrightError } from '../../errors/index.js';
import type { IdempotencyService } from '../../service/index.js';
import type { AppEnv } from '../env.js';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * The headers an answer is replayed with. The request id and rate-limit headers are not among
 * them: a replay is a new request and carries its own.
 */
const KEPT_HEADERS = ['content-type', 'location'];

/**
 * `Idempotency-Key` on POST (docs/api.md). Runs after the body is read, so the fingerprint covers
 * it, and before the handler. What is stored: every answer below 500 but 429, errors included — a
 * 4xx says the request itself is wrong (or, like 402, was judged on the state it found), so
 * repeating it gets the same answer. A 5xx, or a failure that produced no answer, releases the
 * claim: the request may not have done anything, and the client's retry must be able to go through.
 */
export function idempotency(service: IdempotencyService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
    if (key === undefined || c.req.method !== 'POST') return next();
    const accountId = scopeOf(c);
    // The query is part of the request: a trigger's callbackUrl rides on it (docs/events.md).
    const path = `${c.req.path}${new URL(c.req.url).search}`;
    const begun = await service.begin(accountId, key, { method: c.req.method, path, body: c.var.bodyText });
    if (begun.kind === 'replay') {
      return c.body(begun.body, begun.status as ContentfulStatusCode, { ...begun.headers, [REPLAYED_HEADER]: 'true' });
    }
    const { claim } = begun;
    try {
      await next();
    } catch (error) {
      await service.release(accountId, key, claim);
      throw error;
    }
    // A 429 (a budget spent, a batch refused whole, the daily cap) answers when, not what: nothing
    // started, and the same request with the same key must go through once the wait is over.
    if (c.res.status >= 500 || c.res.status === 429) await service.release(accountId, key, claim);
    else await service.complete(accountId, key, await snapshot(c.res), claim);
  };
}

/** Keys belong to the caller's account; a keyless webhook trigger uses its workflow owner's. */
function scopeOf(c: Context<AppEnv>): string {
  const accountId = c.get('webhookOwner')?.accountId ?? c.get('principal')?.accountId;
  if (accountId === undefined) throw new PipewrightError('internal', 'Idempotency middleware ran before the caller was known');
  return accountId;
}

async function snapshot(response: Response): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  return { status: response.status, headers, body: await response.clone().text() };
}
