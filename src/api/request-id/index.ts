import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Only ids that are safe to echo into headers and logs are kept; anything else is replaced. */
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function safeRequestId(candidate: string | undefined): string {
  return candidate !== undefined && SAFE_ID.test(candidate) ? candidate : `req_${randomUUID().replaceAll('-', '')}`;
}

/** First in the chain, so every response — errors, 404s, 429s — carries the id. */
export function requestId(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const id = safeRequestId(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', id);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, id);
  };
}
