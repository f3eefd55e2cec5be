import type { Context, Hono, MiddlewareHandler, NotFoundHandler } from 'hono';
import { methodNotAllowed as honoMethodNotAllowed } from 'hono/method-not-allowed';
import type { Logger } from 'pino';
import { PipewrightError } from '../../errors/index.js';
import type { AppEnv } from '../env.js';
import { errorResponse } from './error-handler.js';

/** The answer to an unknown path, also given where a resource's existence must not show (webhook ids). */
export function noRoute(c: Context): PipewrightError {
  return new PipewrightError('not_found', `No route for ${c.req.method} ${c.req.path}`);
}

export function notFoundHandler(logger: Logger): NotFoundHandler<AppEnv> {
  return (c) => errorResponse(c, noRoute(c), logger);
}

/** Turns the 404 of a known path asked with the wrong method into a 405 with `Allow`. */
export function methodNotAllowed(app: Hono<AppEnv>, logger: Logger): MiddlewareHandler<AppEnv> {
  return honoMethodNotAllowed<AppEnv>({
    app,
    onMethodNotAllowed: (c, methods) => {
      const allow = methods.join(', ');
      c.header('Allow', allow);
      return errorResponse(c, new PipewrightError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${allow}`), logger);
    },
  });
}
