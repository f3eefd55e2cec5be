import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../net/test-server.js';
import { connect, structured, textOf, type Connected } from './harness.js';
import { slowGraph } from './fixtures.js';

interface Run {
  executionId: string;
  workflowId: string;
  retryOf?: string;
  finished: boolean;
  status: string;
}

let mcp: Connected;
let upstream: TestServer;
let release: (() => void) | undefined;
beforeAll(async () => {
  mcp = await connect();
  let calls = 0;
  upstream = await startTestServer({
    // Not there the first time (a 404 fails the node, with no retry), there from then on.
    '/flaky': (_req, res) => (++calls === 1 ? res.writeHead(404).end() : res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')),
    '/held': (_req, res) =>
      void (release = () => {
        release = undefined;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      }),
  });
});
afterAll(async () => {
  release?.();
  await mcp.close();
  await upstream.close();
});

describe('retry_execution', () => {
  it('runs a failed execution again as a new one that names it', async () => {
    const failed = structured<Run>(await mcp.call('execute_workflow', { ...slowGraph(`${upstream.origin}/flaky`), waitSeconds: 30 }));
    expect(failed).toMatchObject({ finished: true, status: 'FAILED' });
    const result = await mcp.call('retry_execution', { executionId: failed.executionId, waitSeconds: 30 });
    const retried = structured<Run>(result);
    expect(retried).toMatchObject({ retryOf: failed.executionId, workflowId: failed.workflowId, finished: true, status: 'COMPLETED' });
    expect(retried.executionId).not.toBe(failed.executionId);
    expect(textOf(result)).toContain(`It retries ${failed.executionId}.`);
    const { execution } = structured<{ execution: { retryOf: string | null } }>(await mcp.call('get_execution', { executionId: retried.executionId }));
    expect(execution.retryOf).toBe(failed.executionId);
  });

  it('returns at once with the new id unless asked to wait', async () => {
    const done = structured<Run>(await mcp.call('execute_workflow', { ...slowGraph(`${upstream.origin}/flaky`), waitSeconds: 30 }));
    const result = await mcp.call('retry_execution', { executionId: done.executionId });
    expect(structured<Run>(result)).toMatchObject({ retryOf: done.executionId, finished: false });
    expect(textOf(result)).toMatch(/poll_execution/);
  });

  it('refuses an execution still running, and an unknown one', async () => {
    const running = structured<Run>(await mcp.call('execute_workflow', { ...slowGraph(`${upstream.origin}/held`), waitSeconds: 0.5 }));
    expect(running.finished).toBe(false);
    expect(textOf(await mcp.call('retry_execution', { executionId: running.executionId }))).toMatch(/^error not_retryable/);
    release?.();
    expect(textOf(await mcp.call('retry_execution', { executionId: 'exec_nope' }))).toMatch(/^error not_found/);
  });
});
