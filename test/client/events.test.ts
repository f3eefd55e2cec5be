import { getEventListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ExecutionEvent, type PipewrightClient } from '../../src/client/index.js';
import { greetingFlow } from '../api/flows.js';
import { ADMIN_KEY, startRealServer, type RealServer } from './real-server.js';

async function collect(events: AsyncIterable<ExecutionEvent>): Promise<ExecutionEvent[]> {
  const all: ExecutionEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

const frame = (id: number, type: string, data: Record<string, unknown> = {}) =>
  `id: ${id}\r\nevent: ${type}\r\ndata: ${JSON.stringify({ executionId: 'exec_1', ...data })}\r\n\r\n`;

describe('executions.events against a server that drops the connection', () => {
  let server: Server;
  let url: string;
  const asked: Array<string | undefined> = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const last = req.headers['last-event-id'] as string | undefined;
      asked.push(last);
      if (req.url !== '/api/v1/workflows/executions/exec_1/events') {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'not_found', message: 'No route' } }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      if (last === undefined) {
        // Two events, then the connection is cut mid-way through a third.
        res.write(frame(1, 'node.started', { nodeId: 'a' }) + frame(2, 'node.completed', { nodeId: 'a' }) + 'id: 3\nevent: node.sta');
        setImmediate(() => res.socket?.destroy());
      } else if (last === '2') {
        res.end(': keep-alive\n\n' + frame(3, 'node.started', { nodeId: 'b' }) + frame(4, 'execution.completed', { status: 'COMPLETED' }));
      } else res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reconnects with Last-Event-ID and gives every event once, in order, ending with the run', async () => {
    const client = createClient({ baseUrl: url, apiKey: ADMIN_KEY, retryDelay: { minDelayMs: 1, maxDelayMs: 5 } });
    try {
      asked.length = 0;
      const events = await collect(client.executions.events('exec_1'));
      expect(events.map((event) => [event.id, event.type])).toEqual([
        [1, 'node.started'],
        [2, 'node.completed'],
        [3, 'node.started'],
        [4, 'execution.completed'],
      ]);
      expect(asked).toEqual([undefined, '2']);
    } finally {
      await client.close();
    }
  });

  it('throws a 404 at once (an older server without the route), without retrying', async () => {
    const client = createClient({ baseUrl: url, apiKey: ADMIN_KEY, retryDelay: { minDelayMs: 1, maxDelayMs: 5 } });
    try {
      asked.length = 0;
      await expect(collect(client.executions.events('exec_2'))).rejects.toMatchObject({ code: 'not_found', details: { status: 404 } });
      expect(asked).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});

describe("executions.events against a server that ends the stream without the run's end", () => {
  let server: Server;
  let url: string;
  const asked: string[] = [];
  let status = 'RUNNING';
  let quietLeft = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const last = req.headers['last-event-id'] as string | undefined;
      asked.push(`${req.url?.endsWith('/poll') ? 'poll' : 'events'} ${last ?? '-'}`);
      if (req.url?.endsWith('/poll')) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ executionId: 'exec_1', status, nodeStates: [] }));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // Two clean ends with nothing new (a server restarted twice during one long node), then the rest.
      if (last === undefined) res.end(frame(1, 'node.started', { nodeId: 'a' }));
      else if (quietLeft-- > 0) res.end();
      else res.end(frame(2, 'node.completed', { nodeId: 'a' }) + frame(3, 'execution.completed', { status: 'COMPLETED' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const follow = async (signal?: AbortSignal) => {
    const client = createClient({ baseUrl: url, apiKey: ADMIN_KEY, retryDelay: { minDelayMs: 1, maxDelayMs: 5 } });
    try {
      return await collect(client.executions.events('exec_1', signal && { signal }));
    } finally {
      await client.close();
    }
  };

  it('reconnects after quiet ends while a poll says the run is still going, until the final event', async () => {
    asked.length = 0;
    status = 'RUNNING';
    quietLeft = 2;
    const stop = new AbortController();
    const events = await follow(stop.signal);
    expect(events.map((event) => [event.id, event.type])).toEqual([
      [1, 'node.started'],
      [2, 'node.completed'],
      [3, 'execution.completed'],
    ]);
    expect(asked).toEqual(['events -', 'events 1', 'poll -', 'events 1', 'poll -', 'events 1']);
    // Each backoff's abort listener is gone once its wait is over.
    expect(getEventListeners(stop.signal, 'abort')).toEqual([]);
  });

  it('ends when the stream keeps ending quietly and a poll says the run has finished', async () => {
    asked.length = 0;
    status = 'COMPLETED';
    quietLeft = Number.POSITIVE_INFINITY;
    const events = await follow();
    expect(events.map((event) => event.id)).toEqual([1]);
    // After the poll, one more stream for what the run wrote before it finished.
    expect(asked).toEqual(['events -', 'events 1', 'poll -', 'events 1']);
  });
});

describe('executions.events against the real server', () => {
  let server: RealServer;
  let client: PipewrightClient;

  beforeAll(async () => {
    server = await startRealServer();
    client = createClient({ baseUrl: server.url, apiKey: ADMIN_KEY, retries: 0 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  it('follows a run to its end, and resumes after any id', async () => {
    const workflow = (await client.workflows.create(greetingFlow())).workflow;
    const { executionId } = await client.workflows.execute(workflow.id, { inputs: { name: 'Ada' } });
    const events = await collect(client.executions.events(executionId));
    expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.at(-1)).toMatchObject({ type: 'execution.completed', data: { executionId, status: 'COMPLETED', outputs: { greeting: 'Hello Ada' } } });
    expect(await collect(client.executions.events(executionId, { lastEventId: 5 }))).toEqual(events.slice(5));
  });
});
