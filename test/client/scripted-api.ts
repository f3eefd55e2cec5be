import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Step {
  status?: number;
  /** An object is sent as JSON; a string as is. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer: for timeouts and aborts. */
  hang?: boolean;
}

export interface Seen {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The client's end of the connection: the same port means a kept-alive connection. */
  remotePort: number | undefined;
}

export interface ScriptedApi {
  url: string;
  /** Every request received, in order. */
  seen: Seen[];
  /** Answers the next requests with these steps, in order; once they run out, 200 `{}`. */
  script(...steps: Step[]): void;
  /** Forgets what was seen and what was scripted. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * A node:http server on 127.0.0.1 that answers from a script, to test how the client handles the
 * protocol (statuses, Retry-After, hangs) where the real server cannot be made to misbehave.
 */
export async function startScriptedApi(): Promise<ScriptedApi> {
  const seen: Seen[] = [];
  const steps: Step[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      remotePort: req.socket.remotePort,
    });
    const step = steps.shift() ?? {};
    if (step.hang) return;
    const text = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
    res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    script: (...more) => void steps.push(...more),
    reset: () => {
      seen.length = 0;
      steps.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The contract's error envelope. */
export function envelope(status: number, code: string, extras: Record<string, unknown> = {}): Step {
  return { status, body: { error: { type: 'invalid_request_error', code, message: `${code} happened`, requestId: 'req_test' }, ...extras } };
}
