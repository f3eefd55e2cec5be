import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Defer } from '../support/scope.js';

/**
 * A provider stand-in on 127.0.0.1 that answers every request after a fixed delay: the node that
 * calls it waits on the network as a model call does, so the work is I/O-bound, costs no credits
 * and needs no key.
 */
export async function startDelayServer(defer: Defer, delayMs: number): Promise<string> {
  const server = createServer((_request, response) => {
    setTimeout(() => response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok'), delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/provider`;
}
