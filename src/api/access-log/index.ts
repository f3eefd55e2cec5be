import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env.js';
import { BASE_PATH } from '../settings.js';

/** A webhook id is the trigger's only credential: logs show where it went, never what it was. */
const WEBHOOK_SEGMENT = new RegExp(`^(${BASE_PATH}/workflow/)[^/]+(/trigger)$`);

/**
 * One line per request. Never logs headers, query strings or bodies: they carry keys and
 * customer data.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const caller = c.get('caller');
    logger.info(
      {
        requestId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path.replace(WEBHOOK_SEGMENT, '$1…$2'),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        accountId: caller !== undefined && 'principal' in caller ? caller.principal.accountId : null,
      },
      'request',
    );
  };
}
