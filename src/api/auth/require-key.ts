import type { MiddlewareHandler } from 'hono';
import { requireScope, type Scope } from '../../service/index.js';
import type { AppEnv } from '../env.js';

/**
 * A route's auth requirement: a valid key, and `scope` when given (`admin` implies all).
 * Rethrows the authentication failure `identify` kept, so its code reaches the error handler.
 */
export function requireKey(scope?: Scope): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if ('failure' in caller) throw caller.failure;
    if (scope !== undefined) requireScope(caller.principal, scope);
    c.set('principal', caller.principal);
    await next();
  };
}
