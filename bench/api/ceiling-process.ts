import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerParent } from '../support/child-protocol.js';

/**
 * The ceiling: a bare `node:http` server answering every request with one fixed JSON body
 * (argv[2]), read once. No routing, parsing, auth or store: the most a Node server can do here.
 */
export interface CeilingServerInfo {
  url: string;
}

const body = Buffer.from(process.argv[2] ?? '{}');
const server = createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  answerParent<CeilingServerInfo>(
    { url: `http://127.0.0.1:${port}` },
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
});
