import type { Progress } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../net/test-server.js';
import { connect, structured, type Connected } from './harness.js';
import { slowGraph } from './fixtures.js';

let mcp: Connected;
let upstream: TestServer;
let release: (() => void) | undefined;
beforeAll(async () => {
  mcp = await connect();
  upstream = await startTestServer({
    '/slow': (_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'), 300),
    // Answers only when the test says so, or never: the run is cancelled first.
    '/held': (_req, res) => {
      release = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    },
  });
});
afterAll(async () => {
  release?.();
  await mcp.close();
  await upstream.close();
});

describe('execute_workflow with waitSeconds', () => {
  it('sends one rising progress notification per node transition', async () => {
    const progress: Progress[] = [];
    const result = await mcp.client.callTool({ name: 'execute_workflow', arguments: { ...slowGraph(`${upstream.origin}/slow`), waitSeconds: 30 } }, undefined, {
      onprogress: (update) => progress.push(update),
    });
    expect(structured(result as never)).toMatchObject({ status: 'COMPLETED' });
    const messages = progress.map((update) => update.message);
    expect(messages).toEqual(expect.arrayContaining(['prompt: COMPLETED', 'fetch: RUNNING', 'fetch: COMPLETED', 'result: COMPLETED']));
    expect(messages.indexOf('fetch: RUNNING')).toBeLessThan(messages.indexOf('fetch: COMPLETED'));
    const values = progress.map((update) => update.progress);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(new Set(values).size).toBe(values.length);
    expect(progress.at(-1)).toMatchObject({ progress: 3, total: 3 });
  });

  it('sends no progress to a client that did not ask for it', async () => {
    const notified: unknown[] = [];
    mcp.client.fallbackNotificationHandler = async (notification) => void notified.push(notification);
    await mcp.call('execute_workflow', { ...slowGraph(`${upstream.origin}/slow`), waitSeconds: 30 });
    expect(notified).toEqual([]);
  });

  it('returns the executionId to poll when the wait ends first', async () => {
    const run = structured<{ finished: boolean; status: string; executionId: string }>(
      await mcp.call('execute_workflow', { ...slowGraph(`${upstream.origin}/held`), waitSeconds: 0.5 }),
    );
    expect(run).toMatchObject({ finished: false, status: 'RUNNING' });
    release?.();
    await expect.poll(async () => structured<{ status: string }>(await mcp.call('poll_execution', { executionId: run.executionId })).status).toBe('COMPLETED');
  });

  it('cancels the execution when the client cancels the call', async () => {
    const abort = new AbortController();
    const progress: Progress[] = [];
    const call = mcp.client.callTool({ name: 'execute_workflow', arguments: { ...slowGraph(`${upstream.origin}/held`), waitSeconds: 60 } }, undefined, {
      signal: abort.signal,
      onprogress: (update) => progress.push(update),
    });
    await expect.poll(() => progress.some((update) => update.message === 'fetch: RUNNING')).toBe(true);
    abort.abort('user pressed stop');
    await expect(call).rejects.toThrow();
    const { data } = await mcp.backend.listExecutions({ limit: 1 });
    await expect.poll(async () => (await mcp.backend.pollExecution(data[0]!.id)).status).toBe('CANCELLED');
  });
});
