import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SecurityPolicy } from '../../src/net/index.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests seen, by path. */
  hits: Map<string, number>;
  /** TCP connections accepted, to show that a refusal happened before connecting. */
  connections: () => number;
  close(): Promise<void>;
}

/** A loopback HTTP server on an ephemeral port; routes are matched on the path without the query. */
export async function startTestServer(routes: Record<string, Handler>): Promise<TestServer> {
  const hits = new Map<string, number>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const handler = routes[path];
      if (handler) handler(req, res, Buffer.concat(chunks).toString('utf8'));
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('no route');
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (value: unknown, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(value));
  };

export const text =
  (value: string, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(value);
  };

export const redirect =
  (location: string, status = 302): Handler =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };

/** Echoes the request back as JSON: method, headers and body. */
export const echo: Handler = (req, res, body) => {
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, headers: req.headers, body }));
};

/** Streams `bytes` bytes in 64 KiB chunks without a content-length. */
export const stream =
  (bytes: number): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    const chunk = Buffer.alloc(64 * 1024, 1);
    let left = bytes;
    const write = (): void => {
      while (left > 0) {
        const piece = chunk.subarray(0, Math.min(left, chunk.length));
        left -= piece.length;
        if (!res.write(piece)) return void res.once('drain', write);
      }
      res.end();
    };
    res.on('close', () => (left = 0));
    write();
  };

/** Sends headers, then never finishes the body. */
export const stall: Handler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.write('partial');
};

/** A closed, server-mode policy with short limits; tests open what they need. */
export function testPolicy(overrides: Partial<SecurityPolicy> = {}): SecurityPolicy {
  return {
    allowLocalFiles: false,
    allowPrivateNetwork: false,
    allowHosts: [],
    fetchTimeoutMs: 2_000,
    maxRedirects: 3,
    maxResponseBytes: 1024 * 1024,
    ...overrides,
  };
}
