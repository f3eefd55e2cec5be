// The MCP face: a server over a Backend, and the transports that carry it.

export { createServer } from './server.js';
export type { CreateServerOptions } from './server.js';
export { serveStdio, routeConsoleToStderr } from './stdio.js';
export type { StdioOptions, StdioSession } from './stdio.js';
export { createMcpHttpHandler } from './http.js';
export type { McpHttpOptions } from './http.js';
