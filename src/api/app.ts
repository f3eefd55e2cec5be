import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Services } from '../service/index.js';
import { accessLog } from './access-log/index.js';
import { identify } from './auth/index.js';
import { jsonBody } from './body/index.js';
import type { AppEnv } from './env.js';
import { errorHandler, methodNotAllowed, notFound } from './errors/index.js';
import { memoryRateLimiter, rateLimit, type RateLimiter } from './rate-limit/index.js';
import { requestId } from './request-id/index.js';
import { registerRoutes } from './routes/index.js';
import { apiSettings, type ApiSettings, BASE_PATH } from './settings.js';

export interface CreateAppOptions {
  services: Services;
  logger: Logger;
  settings?: Partial<ApiSettings>;
  /** Defaults to an in-memory limiter (one process); pass a shared one to scale out. */
  rateLimiter?: RateLimiter;
}

/**
 * The REST face. The chain runs in this order for every request, matched or not: request id,
 * access log, 405 conversion, caller identification, rate limit; then the route, whose own
 * middleware checks the key's scope and reads the body.
 */
export function createApp({ services, logger, settings, rateLimiter }: CreateAppOptions): Hono<AppEnv> {
  const config = apiSettings(settings);
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.notFound(notFound(logger));
  app.use(requestId());
  app.use(accessLog(logger));
  app.use(methodNotAllowed(app, logger));
  app.use(identify(services.auth));
  app.use(rateLimit({ limiter: rateLimiter ?? memoryRateLimiter(), usage: services.usage, anonymousPerMinute: config.anonymousRequestsPerMinute }));
  const body = jsonBody({ maxBytes: config.maxBodyBytes, maxDepth: config.maxJsonDepth });
  registerRoutes(app.basePath(BASE_PATH), { services, body });
  return app;
}
