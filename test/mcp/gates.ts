import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Gates {
  /** `/gate/<name>`: held until `open(name)`; then answers the text `next` (a URL the next node fetches) or `{}`. */
  gate(name: string, next?: string): string;
  /** `/missing-once/<name>`: 404 the first time (a 4xx fails the node, with no retry), 200 from then on. */
  missingOnce(name: string): string;
  open(name: string): void;
  close(): Promise<void>;
}

/** A loopback server whose answers the test releases, so a run moves only when the test says. */
export async function startGates(): Promise<Gates> {
  const held = new Map<string, ServerResponse>();
  const opened = new Set<string>();
  const texts = new Map<string, string>();
  const seen = new Set<string>();
  const answer = (name: string, res: ServerResponse) => {
    const text = texts.get(name);
    if (text === undefined) res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    else res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
  };
  const server = createServer((req, res) => {
    const [, kind, name = ''] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    if (kind === 'missing-once') {
      if (seen.has(name)) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      seen.add(name);
      return void res.writeHead(404).end();
    }
    if (opened.has(name)) answer(name, res);
    else held.set(name, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const open = (name: string) => {
    opened.add(name);
    const res = held.get(name);
    held.delete(name);
    if (res !== undefined) answer(name, res);
  };
  return {
    gate(name, next) {
      if (next !== undefined) texts.set(name, next);
      return `${origin}/gate/${name}`;
    },
    missingOnce: (name) => `${origin}/missing-once/${name}`,
    open,
    async close() {
      for (const name of [...held.keys()]) open(name);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
