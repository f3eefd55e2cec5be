import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  /** Path without the query string, split on `/` (no empty segments). */
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeReply {
  status: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as they are (a file a provider's CDN serves); set its content-type in `headers`. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeServer {
  url: string;
  /** Answers the next `times` requests with `status` (and `Retry-After` when given) instead of handling them. */
  failNext(status: number, options?: { times?: number; retryAfter?: string; body?: unknown }): void;
  /** Requests answered by an injected failure. */
  faultsServed: number;
  close(): Promise<void>;
}

/** A node:http server on 127.0.0.1 and an ephemeral port, answering JSON. */
export async function startFakeServer(handler: FakeHandler): Promise<FakeServer> {
  const faults: FakeReply[] = [];
  const state = { faultsServed: 0 };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = parseJson(raw);
    if (body === INVALID) {
      // What every JSON API answers to a body it cannot parse.
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'We could not parse the JSON body of your request.', type: 'invalid_request_error' } }));
      return;
    }
    const request = { method: req.method ?? 'GET', segments: url.pathname.split('/').filter(Boolean), query: url.searchParams, headers: req.headers, body };
    const fault = faults.shift();
    if (fault) state.faultsServed++;
    const reply = fault ?? (await handler(request));
    if (reply.bytes !== undefined) {
      res.writeHead(reply.status, reply.headers);
      res.end(reply.bytes);
      return;
    }
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failNext(status, { times = 1, retryAfter, body = { detail: `injected ${status}` } } = {}) {
      for (let i = 0; i < times; i++) faults.push({ status, body, ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }) });
    },
    get faultsServed() {
      return state.faultsServed;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const INVALID = Symbol('invalid JSON');

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return INVALID;
  }
}
