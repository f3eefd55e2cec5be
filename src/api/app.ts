import { Hono } from 'hono';
import { every } from 'hono/combine';
import type { Logger } from 'pino';
import type { ArtifactUrlRenderer, Services, IdempotencyService, WebhookOwners } from '../service/index.js';
import { accessLog } from './access-log/index.js';
import { renderArtifactUrls } from './artifact-urls/index.js';
import { identify } from './auth/index.js';
import { jsonBody } from './body/index.js';
import type { AppEnv } from './env.js';
import { errorHandler, methodNotAllowed, notFoundHandler } from './errors/index.js';
import { idempotency } from './idempotency/index.js';
import { batchLimit, executionLimit, memoryRateLimiter, rateLimit, type RateLimiter, spendTrigger, triggerGuard } from './rate-limit/index.js';
import { registerMounts, type Mount } from './mounts.js';
import { requestId } from './request-id/index.js';
import { registerRoutes } from './routes/index.js';
import { OpenStreams } from './event-stream/index.js';
import { registerViewer, type ViewerSettings } from './viewer/index.js';
import { apiSettings, type ApiSettings, BASE_PATH } from './settings.js';

export interface CreateAppOptions {
  services: Services;
  /** Idempotency-Key on every POST, over the same store as the services. */
  idempotency: IdempotencyService;
  /** Who owns a webhook: keyless triggers spend that account's budget and keys. */
  webhookOwners: WebhookOwners;
  logger: Logger;
  /** How answers show stored files: `restArtifactUrls`, signed absolute URLs under the public base. */
  artifactUrls: ArtifactUrlRenderer;
  settings?: Partial<ApiSettings>;
  /** Defaults to an in-memory limiter (one process); pass a shared one to scale out. */
  rateLimiter?: RateLimiter;
  /**
   * Other web-standard handlers served beside the REST routes (the MCP endpoint at `/mcp`):
   * they get the same request id, logs, rate limits and bearer keys; what they do is theirs.
   */
  mounts?: readonly Mount[];
  /** The run viewer at /app/ (docs/events.md); absent, /app/ is not served. */
  viewer?: ViewerSettings;
  /** Aborted when the server starts to shut down: open event streams end then, rather than hold the shutdown for its grace period. */
  closing?: AbortSignal;
}

/**
 * The REST face. The chain runs in this order for every request, matched or not: request id,
 * access log, 405 conversion, caller identification, rate limit; then the route, whose own
 * middleware checks the key's scope, reads the body and claims the Idempotency-Key.
 */
export function createApp(options: CreateAppOptions): Hono<AppEnv> {
  const { services, logger } = options;
  const config = apiSettings(options.settings);
  const limiter = options.rateLimiter ?? memoryRateLimiter();
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(logger));
  app.notFound(notFoundHandler(logger));
  app.use(requestId());
  app.use(accessLog(logger));
  app.use(methodNotAllowed(app, logger));
  if (options.viewer && !registerViewer(app, options.viewer)) logger.warn({ dir: options.viewer.dir }, 'run viewer not built (npm run build): /app/ is off');
  app.use(identify(services.auth));
  const mounts = options.mounts ?? [];
  app.use(
    rateLimit({
      limiter,
      usage: services.usage,
      anonymousPerMinute: config.anonymousRequestsPerMinute,
      healthChecksPerMinute: config.healthChecksPerMinute,
      chargedPerCall: new Set(mounts.filter((mount) => mount.chargesPerCall === true).map((mount) => mount.path)),
    }),
  );
  const claim = idempotency(options.idempotency);
  const limits = { limiter, usage: services.usage };
  const triggers = { ...limits, perWebhook: config.webhookTriggersPerMinute, anonymousPerMinute: config.anonymousRequestsPerMinute };
  const api = app.basePath(BASE_PATH);
  api.use(renderArtifactUrls(options.artifactUrls));
  registerRoutes(api, {
    services,
    // Every route that reads a body takes it through here, so no POST can miss its Idempotency-Key.
    body: every(jsonBody({ maxBytes: config.maxBodyBytes, maxDepth: config.maxJsonDepth }), claim),
    executionLimit: executionLimit(limits),
    batchLimit: batchLimit(limits),
    events: {
      artifactUrls: options.artifactUrls,
      keepAliveMs: config.eventKeepAliveMs,
      streams: new OpenStreams(config.eventStreamsPerAccount),
      onError: (err) => logger.error({ err }, 'an event stream stopped on a fault'),
      ...(options.closing && { closing: options.closing }),
    },
    webhook: {
      owners: options.webhookOwners,
      guard: triggerGuard(triggers),
      spend: (c) => spendTrigger(triggers, c),
      body: every(jsonBody({ maxBytes: config.maxTriggerBodyBytes, maxDepth: config.maxJsonDepth }), claim),
    },
  });
  registerMounts(app, mounts, { maxBodyBytes: config.maxBodyBytes, maxJsonDepth: config.maxJsonDepth });
  return app;
}
