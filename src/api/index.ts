export type { CreateAppOptions } from './app.js';
export type { RestArtifactUrlsOptions } from './artifact-urls/index.js';
export type { RunningServer, StartServerOptions } from './server.js';
export { apiSettings, BASE_PATH, DEFAULT_API_SETTINGS } from './settings.js';
export { restLinks } from './links.js';
export type { ApiSettings } from './settings.js';
export type { LimiterFactory, RateLimitDecision, RateLimiter } from './rate-limit/index.js';
export type { AppEnv } from './env.js';

/** The server half of this layer, loaded when it is needed (docs/architecture.md, "an index is loaded whole"). */
export const loadRestServer = () => import('./rest-server.js');
export type RestServer = Awaited<ReturnType<typeof loadRestServer>>;
