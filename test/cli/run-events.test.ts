import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, UNLIMITED } from '../api/exec-helpers.js';
import { greetingFlow } from '../api/flows.js';
import { type TestServer, startTestServer, tempHome } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';

// `pipewright run wf_…` against a remote API follows the run by its event stream, and by polling
// when the server has no stream (an older pipewright answers 404 there).

let server: TestServer;
let older: Server;
let olderUrl: string;
let workflowId: string;

/** The real server, except that the events route is not there: what an older server answers. */
function startOlderServer(): Promise<Server> {
  const proxy = createServer(async (req, res) => {
    if (req.url?.endsWith('/events')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { type: 'invalid_request_error', code: 'not_found', message: 'No such route' } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => name !== 'host' && name !== 'content-length')) as Record<string, string>;
    const answer = await fetch(`${server.url}${req.url}`, { method: req.method!, headers, ...(chunks.length > 0 && { body: Buffer.concat(chunks) }) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

const paths = () => server.logs.map((line) => line.path).filter((path): path is string => typeof path === 'string');

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  workflowId = (await createWorkflow(server, greetingFlow())).id;
  older = await startOlderServer();
  olderUrl = `http://127.0.0.1:${(older.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => older.close(() => resolve()));
  await server.close();
});

describe('pipewright run <workflowId> with PIPEWRIGHT_API_URL', () => {
  it('prints each node from the event stream and polls only for the final answer', async () => {
    const before = paths().length;
    const result = await runBuilt(['run', workflowId, '--input', 'name=Ada'], {
      PIPEWRIGHT_API_URL: server.url,
      PIPEWRIGHT_API_KEY: server.adminKey,
      PIPEWRIGHT_HOME: tempHome(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('greeting: Hello Ada');
    expect(result.stderr.match(/^(running|completed)\s+\S+$/gm)).toEqual([
      'running   name',
      'completed name',
      'running   greet',
      'completed greet',
      'running   out',
      'completed out',
    ]);
    const asked = paths().slice(before);
    expect(asked.filter((path) => path.endsWith('/events'))).toHaveLength(1);
    expect(asked.filter((path) => path.endsWith('/poll'))).toHaveLength(1);
  });

  it('falls back to polling on a server without the stream', async () => {
    const result = await runBuilt(['run', workflowId, '--input', 'name=Bo'], {
      PIPEWRIGHT_API_URL: olderUrl,
      PIPEWRIGHT_API_KEY: server.adminKey,
      PIPEWRIGHT_HOME: tempHome(),
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('greeting: Hello Bo');
    expect(result.stderr).toMatch(/completed\s+out/);
  });
});
