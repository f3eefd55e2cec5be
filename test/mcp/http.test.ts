import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult, Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedBackend } from '../../src/backend/embedded.js';
import type { Backend } from '../../src/backend/index.js';
import { PipewrightError } from '../../src/errors/index.js';
import { createMcpHttpHandler } from '../../src/mcp/index.js';
import { startTestServer, type TestServer } from '../net/test-server.js';
import { echoGraph, slowGraph } from './fixtures.js';
import { bundledTemplatesDir } from '../../src/skill/paths.js';
import { restLinks } from '../../src/api/index.js';

let home: string;
let backend: Backend;
let closedPerRequest = 0;
let handler: (request: Request) => Promise<Response>;
let upstream: TestServer;
let release: (() => void) | undefined;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pipewright-http-'));
  // Answers only when released, or never: the run is cancelled first.
  upstream = await startTestServer({ '/held': (_req, res) => void (release = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')) });
  backend = await createEmbeddedBackend({ home, links: restLinks('http://127.0.0.1:8787'), env: {}, templatesDir: bundledTemplatesDir() });
  handler = createMcpHttpHandler({
    version: '0.0.0-test',
    allowedOrigins: ['https://app.example'],
    templatesDir: bundledTemplatesDir(),
    // What the mount does: authenticate, then hand over a backend for this request only.
    backendFor: async (request) => {
      if (request.headers.get('authorization') !== 'Bearer good') throw new PipewrightError('invalid_api_key', 'The API key is not valid');
      return { backend: { ...backend, close: async () => void closedPerRequest++ }, caller: 'good' };
    },
  });
});
afterAll(async () => {
  release?.();
  await upstream.close();
  await backend.close();
  await rm(home, { recursive: true, force: true });
});

function client(headers: Record<string, string>) {
  const transport = new StreamableHTTPClientTransport(new URL('http://mcp.test/mcp'), {
    requestInit: { headers },
    fetch: async (url, init) => handler(new Request(url, init)),
  });
  return { client: new Client({ name: 'http-test', version: '1.0.0' }), transport };
}

describe('createMcpHttpHandler', () => {
  it("serves tools statelessly, streams progress, and releases each request's backend", async () => {
    const { client: mcp, transport } = client({ authorization: 'Bearer good' });
    await mcp.connect(transport);
    const before = closedPerRequest;
    const progress: Progress[] = [];
    const result = (await mcp.callTool({ name: 'execute_workflow', arguments: { ...echoGraph, waitSeconds: 30 } }, undefined, {
      onprogress: (update) => progress.push(update),
    })) as CallToolResult;
    expect(result.structuredContent).toMatchObject({ status: 'COMPLETED' });
    expect(progress.map((update) => update.message)).toContain('result: COMPLETED');
    await expect.poll(() => closedPerRequest).toBeGreaterThan(before);
    await mcp.close();
  });

  it('offers completions but no subscriptions: a server that lives for one request has nothing to send a later update on', async () => {
    const { client: mcp, transport } = client({ authorization: 'Bearer good' });
    await mcp.connect(transport);
    expect(mcp.getServerCapabilities()).toMatchObject({ completions: {}, resources: { subscribe: false } });
    const { completion } = await mcp.complete({
      ref: { type: 'ref/resource', uri: 'pipewright://nodes/{nodeType}' },
      argument: { name: 'nodeType', value: 'input:' },
    });
    expect(completion.values).toContain('input:text');
    await expect(mcp.subscribeResource({ uri: 'pipewright://workflows/wf_any' })).rejects.toThrow(/Method not found/);
    await mcp.close();
  });

  it('routes a notifications/cancelled, sent in a POST of its own, to the call it names: the run is cancelled and the call closed', async () => {
    const { client: mcp, transport } = client({ authorization: 'Bearer good' });
    await mcp.connect(transport);
    const abort = new AbortController();
    const progress: Progress[] = [];
    const call = mcp.callTool({ name: 'execute_workflow', arguments: { ...slowGraph(`${upstream.origin}/held`), waitSeconds: 60 } }, undefined, {
      signal: abort.signal,
      onprogress: (update) => progress.push(update),
    });
    await expect.poll(() => progress.some((update) => update.message === 'fetch: RUNNING')).toBe(true);
    const before = closedPerRequest;
    abort.abort('user pressed stop');
    await expect(call).rejects.toThrow();
    const { data } = await backend.listExecutions({ limit: 1 });
    await expect.poll(async () => (await backend.pollExecution(data[0]!.id)).status).toBe('CANCELLED');
    // Both released their backend: the notification's own request, and the call that will never be answered.
    await expect.poll(() => closedPerRequest).toBe(before + 2);
    await mcp.close();
  });

  it('lets the mount refuse a request without a valid key', async () => {
    const { client: mcp, transport } = client({ authorization: 'Bearer bad' });
    await expect(mcp.connect(transport)).rejects.toThrow(/not valid/);
  });

  it('refuses browsers from origins not allowed', async () => {
    const refused = await handler(
      new Request('http://mcp.test/mcp', { method: 'POST', headers: { origin: 'https://evil.example', authorization: 'Bearer good' }, body: '{}' }),
    );
    expect(refused.status).toBe(403);
    const { client: mcp, transport } = client({ authorization: 'Bearer good', origin: 'https://app.example' });
    await mcp.connect(transport);
    expect((await mcp.listTools()).tools.length).toBeGreaterThan(0);
    await mcp.close();
  });
});
