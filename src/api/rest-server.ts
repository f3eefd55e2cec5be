// What only `serve` needs: the app, the server and the limiters. Loaded through `loadRestServer`
// in index.ts, so a command that only needs the REST paths (`mcp`, `run`) never evaluates hono,
// the routes or the rate limiter (about 100 ms of an MCP cold start).
export { createApp } from './app.js';
export { startServer } from './server.js';
export { restArtifactUrls } from './artifact-urls/index.js';
export { flexibleRateLimiter, memoryRateLimiter, spendExecution, spendRequest, storeRateLimiter } from './rate-limit/index.js';
export { httpMapping } from './errors/index.js';
