import type { Principal, WebhookOwner } from '../service/index.js';

/**
 * Who the bearer key says the caller is, resolved once per request. A failure is kept, not
 * thrown, so that rate limiting can still count the request (per client IP) before a route
 * decides whether it needs a key at all.
 */
export type Caller = { principal: Principal } | { failure: unknown };

/** The per-request variables the middleware chain sets, in the order it sets them. */
export interface AppEnv {
  Variables: {
    requestId: string;
    caller: Caller;
    /** Set by `requireKey` on routes that need a key; always present in their handlers. */
    principal: Principal;
    /** Set by `jsonBody`: the parsed body, or undefined when the request had none. */
    body: unknown;
    /** Set by `jsonBody`: the body as sent ('' when none), what an Idempotency-Key fingerprints. */
    bodyText: string;
    /** Set on webhook trigger routes: the workflow's owner, whose budget and keys the request uses. */
    webhookOwner: WebhookOwner | undefined;
  };
}
