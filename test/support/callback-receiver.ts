import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One POST the receiver got: its Standard Webhooks headers and the body exactly as sent. */
export interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  path: string;
}

/** What the receiver does with a request: answer this status, redirect, or never answer (the sender's timeout ends it). */
export type Answer = number | { redirect: string } | 'hang';

export interface CallbackReceiver {
  /** `http://127.0.0.1:<port>` */
  url: string;
  received: Received[];
  /** Answers for the next requests to `path`, in order; once spent, 200. */
  script(path: string, ...answers: Answer[]): void;
  /** Forgets the answers scripted for `path`: 200 from now on. */
  unscript(path: string): void;
  /** Resolves once `count` requests to `path` have come in (bounded by the test's own timeout). */
  waitFor(path: string, count: number): Promise<Received[]>;
  close(): Promise<void>;
}

/** A completion callback receiver on 127.0.0.1, as a user's would be, answering as scripted. */
export async function startCallbackReceiver(): Promise<CallbackReceiver> {
  const received: Received[] = [];
  const answers = new Map<string, Answer[]>();
  const hanging: ServerResponse[] = [];
  const waiters: Array<() => void> = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const header = (name: string) => String(request.headers[name] ?? '');
      received.push({
        id: header('webhook-id'),
        timestamp: header('webhook-timestamp'),
        signature: header('webhook-signature'),
        body,
        path: request.url ?? '',
      });
      for (const wake of waiters.splice(0)) wake();
      const answer = answers.get(request.url ?? '')?.shift() ?? 200;
      if (answer === 'hang') hanging.push(response);
      else if (typeof answer === 'object') response.writeHead(307, { location: answer.redirect }).end();
      else response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const forPath = (path: string) => received.filter((item) => item.path === path);
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    script: (path, ...next) => answers.set(path, [...(answers.get(path) ?? []), ...next]),
    unscript: (path) => answers.delete(path),
    async waitFor(path, count) {
      while (forPath(path).length < count) await new Promise<void>((resolve) => waiters.push(resolve));
      return forPath(path);
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The payload, verified with the account's secret by the Standard Webhooks library, as a receiver would. */
export function verified(secret: string, item: Received): any {
  const headers = { 'webhook-id': item.id, 'webhook-timestamp': item.timestamp, 'webhook-signature': item.signature };
  return new Webhook(secret).verify(item.body, headers);
}
