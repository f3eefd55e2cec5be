import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  url: string;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 that hands each request over with its body as bytes: for
 * stand-ins that take files (PUTs of bytes, multipart forms), which fake-server.ts would refuse
 * as JSON it cannot parse. `base` is the server's own origin.
 */
export async function startRawServer(
  handle: (req: IncomingMessage, res: ServerResponse, bytes: Buffer, base: string) => void | Promise<void>,
): Promise<RawServer> {
  let base = '';
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await handle(req, res, Buffer.concat(chunks), base);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, answer: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
}
