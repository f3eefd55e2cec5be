import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResourceUpdatedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild, killServed, serveBuilt } from '../support/built-cli.js';
import { ADMIN_KEY } from '../e2e/support/rest.js';
import { edge, echoGraph, node } from './fixtures.js';
import { startGates, type Gates } from './gates.js';
import { structured, textOf } from './harness.js';
import { type BuiltMcp, connectBuiltMcp } from './stdio-client.js';

// The MCP features beyond tools, through the built CLI as a client meets them: completions,
// subscriptions (embedded and remote, both polling the Backend), retry, delete and replay.

interface Run {
  executionId: string;
  workflowId: string;
  finished: boolean;
  status: string;
  retryOf?: string;
  finalOutput?: unknown;
}

let home: string;
let gates: Gates;
const open: BuiltMcp[] = [];
beforeAll(async () => {
  assertFreshBuild();
  home = await mkdtemp(join(tmpdir(), 'pipewright-stdio-more-'));
  gates = await startGates();
});
afterEach(async () => {
  for (const mcp of open.splice(0)) await mcp.client.close();
  killServed();
});
afterAll(async () => {
  await gates.close();
  await rm(home, { recursive: true, force: true });
});

async function embedded(): Promise<BuiltMcp> {
  const mcp = await connectBuiltMcp({ PIPEWRIGHT_HOME: home });
  open.push(mcp);
  return mcp;
}

/** Fetches `url`, then fetches the URL that answer names: a run that stops twice where the test holds it. */
function twoStepGraph(url: string) {
  return {
    nodes: [
      node('prompt', 'input:text', { prompt: url }),
      node('first', 'utility:http_request'),
      node('second', 'utility:http_request'),
      node('result', 'output:result'),
    ],
    edges: [edge('prompt', 'prompt', 'first', 'url'), edge('first', 'body', 'second', 'url'), edge('second', 'status', 'result', 'value')],
  };
}

function oneStepGraph(url: string) {
  return {
    nodes: [node('prompt', 'input:text', { prompt: url }), node('fetch', 'utility:http_request'), node('result', 'output:result')],
    edges: [edge('prompt', 'prompt', 'fetch', 'url'), edge('fetch', 'status', 'result', 'value')],
  };
}

/**
 * Every `notifications/resources/updated`, with the status a read right after it found: a
 * client's natural answer to one, and how the test tells the last (finished) one from the rest.
 */
function recordUpdates(mcp: BuiltMcp): Array<{ uri: string; status: Promise<string> }> {
  const updates: Array<{ uri: string; status: Promise<string> }> = [];
  mcp.client.setNotificationHandler(ResourceUpdatedNotificationSchema, async ({ params }) => {
    const read = mcp.client.readResource({ uri: params.uri }).then((result) => JSON.parse((result.contents[0] as { text: string }).text).status as string);
    updates.push({ uri: params.uri, status: read });
  });
  return updates;
}

const statusesOf = (updates: Array<{ uri: string; status: Promise<string> }>, uri: string) =>
  Promise.all(updates.filter((update) => update.uri === uri).map((update) => update.status));

async function statusOf(mcp: BuiltMcp, executionId: string): Promise<string> {
  return structured<{ status: string }>(await mcp.call('poll_execution', { executionId })).status;
}

/** Subscribes to a held two-step run: an update when its first step finishes, and a last one when it completes. */
async function followsARun(mcp: BuiltMcp, prefix: string): Promise<void> {
  const updates = recordUpdates(mcp);
  const graph = twoStepGraph(gates.gate(`${prefix}-1`, gates.gate(`${prefix}-2`)));
  const run = structured<Run>(await mcp.call('execute_workflow', { ...graph, waitSeconds: 0 }));
  const uri = `pipewright://executions/${run.executionId}`;
  await mcp.client.subscribeResource({ uri });

  gates.open(`${prefix}-1`);
  await expect.poll(() => statusesOf(updates, uri), { timeout: 30_000 }).toContain('RUNNING');
  expect(await statusesOf(updates, uri)).not.toContain('COMPLETED');
  gates.open(`${prefix}-2`);
  await expect.poll(() => statusesOf(updates, uri), { timeout: 30_000 }).toContain('COMPLETED');
  expect((await statusesOf(updates, uri)).at(-1)).toBe('COMPLETED');
}

describe('pipewright mcp (built) over stdio', () => {
  it('completes workflow ids, node types and prompt arguments by prefix', async () => {
    const mcp = await embedded();
    const { workflow } = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name: 'To complete', ...echoGraph }));
    const complete = (uri: string, name: string, value: string) => mcp.client.complete({ ref: { type: 'ref/resource', uri }, argument: { name, value } });

    const ids = (await complete('pipewright://workflows/{id}', 'id', workflow.id.slice(0, 7))).completion;
    expect(ids.values).toContain(workflow.id);
    expect(ids.values.every((id) => id.startsWith(workflow.id.slice(0, 7)))).toBe(true);
    const types = (await complete('pipewright://nodes/{nodeType}', 'nodeType', 'input:')).completion;
    expect(types.values).toEqual(expect.arrayContaining(['input:text', 'input:image']));
    expect(types).toMatchObject({ total: types.values.length, hasMore: false });
    const count = await mcp.client.complete({ ref: { type: 'ref/prompt', name: 'variations_and_upscale' }, argument: { name: 'count', value: '1' } });
    expect(count.completion.values).toEqual(['12', '16']);
  }, 60_000);

  it('sends notifications/resources/updated for a subscribed execution as it runs, and a last one when it ends', async () => {
    await followsARun(await embedded(), 'embedded');
  }, 90_000);

  it('sends nothing for an execution unsubscribed from', async () => {
    const mcp = await embedded();
    const updates = recordUpdates(mcp);
    const dropped = structured<Run>(await mcp.call('execute_workflow', { ...oneStepGraph(gates.gate('dropped')), waitSeconds: 0 }));
    const droppedUri = `pipewright://executions/${dropped.executionId}`;
    await mcp.client.subscribeResource({ uri: droppedUri });
    await mcp.client.unsubscribeResource({ uri: droppedUri });
    gates.open('dropped');
    await expect.poll(() => statusOf(mcp, dropped.executionId), { timeout: 30_000 }).toBe('COMPLETED');

    // A run subscribed to after that one ended: the session's one loop checks both, so by the
    // time this one's last update arrives the first would have had its own, were it still watched.
    const kept = structured<Run>(await mcp.call('execute_workflow', { ...oneStepGraph(gates.gate('kept')), waitSeconds: 0 }));
    const keptUri = `pipewright://executions/${kept.executionId}`;
    await mcp.client.subscribeResource({ uri: keptUri });
    gates.open('kept');
    await expect.poll(() => statusesOf(updates, keptUri), { timeout: 30_000 }).toContain('COMPLETED');
    expect(updates.filter((update) => update.uri === droppedUri)).toEqual([]);
  }, 90_000);

  it('retries a failed execution as a new one that names it', async () => {
    const mcp = await embedded();
    const failed = structured<Run>(await mcp.call('execute_workflow', { ...oneStepGraph(gates.missingOnce('retry')), waitSeconds: 60 }));
    expect(failed).toMatchObject({ finished: true, status: 'FAILED' });
    const retried = structured<Run>(await mcp.call('retry_execution', { executionId: failed.executionId, waitSeconds: 60 }));
    expect(retried).toMatchObject({ retryOf: failed.executionId, finished: true, status: 'COMPLETED' });
    expect(retried.executionId).not.toBe(failed.executionId);
  }, 90_000);

  it('deletes a workflow twice: the second call succeeds with deleted: false', async () => {
    const mcp = await embedded();
    const { workflow } = structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name: 'Delete me twice', ...echoGraph }));
    expect(structured(await mcp.call('delete_workflow', { workflowId: workflow.id }))).toEqual({ workflowId: workflow.id, deleted: true });
    const again = await mcp.call('delete_workflow', { workflowId: workflow.id });
    expect(again.isError).toBeFalsy();
    expect(structured(again)).toEqual({ workflowId: workflow.id, deleted: false });
  }, 60_000);

  it('answers a replayed idempotencyKey with the execution as it is now', async () => {
    const mcp = await embedded();
    const execute = () => mcp.call('execute_workflow', { ...oneStepGraph(gates.gate('replayed')), idempotencyKey: 'stdio-replay-1' });
    const first = structured<Run>(await execute());
    expect(first.finished).toBe(false);
    gates.open('replayed');
    await expect.poll(() => statusOf(mcp, first.executionId), { timeout: 30_000 }).toBe('COMPLETED');
    const replay = await execute();
    expect(structured<Run>(replay)).toMatchObject({ executionId: first.executionId, finished: true, status: 'COMPLETED', finalOutput: { result: 200 } });
    expect(textOf(replay)).toMatch(/^Execution exec_\S+ COMPLETED/);
  }, 60_000);

  it('in remote mode, follows a subscribed execution through the REST API', async () => {
    const server = await serveBuilt({ PIPEWRIGHT_HOME: join(home, 'served'), PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1' });
    const mcp = await connectBuiltMcp({ PIPEWRIGHT_API_URL: server.url, PIPEWRIGHT_API_KEY: ADMIN_KEY });
    open.push(mcp);
    await followsARun(mcp, 'remote');
    await server.stop();
  }, 90_000);
});
