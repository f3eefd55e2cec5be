import type { MiddlewareHandler } from 'hono';
import type { AuthService } from '../../service/index.js';
import type { AppEnv } from '../env.js';

/**
 * Resolves the bearer key on every request but never rejects here: the failure is kept for
 * `requireKey`, so public routes stay public and rate limiting runs before the 401.
 */
export function identify(auth: AuthService): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      c.set('caller', { principal: await auth.authenticate(c.req.header('Authorization')) });
    } catch (failure) {
      c.set('caller', { failure });
    }
    await next();
  };
}
