import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

export interface StartServerOptions {
  /** A Hono app, or anything with its `fetch`. */
  app: Pick<Hono<any>, 'fetch'>;
  host: string;
  /** 0 picks a free port; the chosen one is in the returned `url`. */
  port: number;
  /** How long `close()` lets in-flight requests finish before cutting connections. */
  graceMs?: number;
}

export interface RunningServer {
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to the grace period), then resolves. */
  close(): Promise<void>;
}

export function startServer({ app, host, port, graceMs = 10_000 }: StartServerOptions): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const { address, port: bound, family } = server.address() as AddressInfo;
      const hostPart = family === 'IPv6' ? `[${address}]` : address;
      let closed: Promise<void> | undefined;
      resolve({ url: `http://${hostPart}:${bound}`, close: () => (closed ??= closeGracefully(server, graceMs)) });
    });
  });
}

/**
 * `server.close()` refuses new connections and waits for open ones; keep-alive sockets become
 * idle only after their response, so they are swept until none is left, and whatever still runs
 * when the grace period ends is cut.
 */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve();
    });
    server.closeIdleConnections();
  });
}
