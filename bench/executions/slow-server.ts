import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlowServer {
  url: string;
  /** Requests answered nothing yet. */
  held(): number;
  /** Answers every held request, and every later one at once. */
  release(): void;
  close(): Promise<void>;
}

/**
 * Under the engine's 30 s fetch timeout: a request held past it would fail its node (and the
 * bench), so a stalled bench still ends with completed executions.
 */
const HOLD_LIMIT_MS = 20_000;

/**
 * A loopback server that holds every request until released: the node waiting on it keeps its
 * execution in flight for as long as the bench wants, like a slow model would.
 */
export async function startSlowServer(): Promise<SlowServer> {
  const waiting = new Set<ServerResponse>();
  let released = false;
  const answer = (response: ServerResponse) => {
    waiting.delete(response);
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  };
  const server = createServer((_request, response) => {
    if (released) return answer(response);
    waiting.add(response);
    setTimeout(() => waiting.has(response) && answer(response), HOLD_LIMIT_MS).unref();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/slow`,
    held: () => waiting.size,
    release() {
      released = true;
      for (const response of waiting) answer(response);
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
