import type { ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, structured, textOf, type Connected } from './harness.js';
import { echoGraph, imageGraph } from './fixtures.js';

interface Executed {
  executionId: string;
  workflowId: string;
  savedAsScratch: boolean;
  finished: boolean;
  status: string;
  nodeStates?: Array<{ nodeId: string; status: string; outputUrl: string | null }>;
  finalOutput?: Record<string, unknown> | null;
}

let mcp: Connected;
let echoId: string;
let imageId: string;
beforeAll(async () => {
  mcp = await connect();
  const save = async (name: string, graph: object) => structured<{ workflow: { id: string } }>(await mcp.call('save_workflow', { name, ...graph })).workflow.id;
  echoId = await save('Echo', echoGraph);
  imageId = await save('Image', imageGraph);
});
afterAll(() => mcp.close());

describe('estimate_workflow', () => {
  it('prices each node against the balance', async () => {
    const estimate = structured(await mcp.call('estimate_workflow', { workflowId: imageId }));
    expect(estimate).toMatchObject({ estimatedCredits: 2, sufficient: true, estimateComplete: true });
    expect(estimate.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'image', nodeType: 'generate:flux_2', credits: 2 })]));
  });

  it('answers an unknown workflow with not_found', async () => {
    const result = await mcp.call('estimate_workflow', { workflowId: 'wf_nope' });
    expect(textOf(result)).toMatch(/^error not_found/);
  });
});

describe('execute_workflow', () => {
  it('runs a saved workflow and waits for its outputs', async () => {
    const run = structured<Executed>(await mcp.call('execute_workflow', { workflowId: echoId, inputs: { prompt: 'blue boots' }, waitSeconds: 30 }));
    expect(run).toMatchObject({ workflowId: echoId, savedAsScratch: false, finished: true, status: 'COMPLETED' });
    expect(JSON.stringify(run.finalOutput)).toContain('blue boots');
  });

  it('returns at once with the id to poll when not asked to wait', async () => {
    const result = await mcp.call('execute_workflow', { workflowId: echoId });
    const run = structured<Executed>(result);
    expect(run).toMatchObject({ finished: false, executionId: expect.stringMatching(/^exec_/) });
    expect(run.nodeStates).toBeUndefined();
    expect(textOf(result)).toMatch(/poll_execution/);
    await expect.poll(async () => structured<{ status: string }>(await mcp.call('poll_execution', { executionId: run.executionId })).status).toBe('COMPLETED');
  });

  it('saves an inline graph as a scratch workflow first, and says so', async () => {
    const result = await mcp.call('execute_workflow', { ...echoGraph, name: 'Try echo', waitSeconds: 30 });
    const run = structured<Executed>(result);
    expect(run).toMatchObject({ savedAsScratch: true, status: 'COMPLETED' });
    expect(textOf(result)).toContain(`scratch workflow ${run.workflowId}`);
    const { workflow } = structured<{ workflow: { name: string; tags: string[] } }>(await mcp.call('get_workflow', { workflowId: run.workflowId }));
    expect(workflow).toMatchObject({ name: 'Try echo', tags: ['scratch'] });
  });

  it('dry-runs a model node offline and links its image as a resource', async () => {
    const result = await mcp.call('execute_workflow', { workflowId: imageId, dryRun: true, waitSeconds: 30 });
    expect(structured<Executed>(result)).toMatchObject({ status: 'COMPLETED' });
    const links = result.content.filter((block): block is ResourceLink => block.type === 'resource_link');
    expect(links).toHaveLength(1);
    expect(links[0]!.uri).toMatch(/^pipewright:\/\/artifacts\/art_[0-9a-f]{24}$/);
    const read = await mcp.client.readResource({ uri: links[0]!.uri });
    const [file] = read.contents;
    expect(file?.mimeType).toMatch(/^image\//);
    expect('blob' in file! && file.blob.length).toBeGreaterThan(100);
  });

  it('refuses a real run whose provider is not configured before anything runs, naming the variable to set', async () => {
    const result = await mcp.call('execute_workflow', { workflowId: imageId, waitSeconds: 30 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/^error provider_not_configured[\s\S]*FAL_KEY/);
  });

  it('replays an idempotencyKey with the execution as it is now, not as it was first answered', async () => {
    const call = () => mcp.call('execute_workflow', { workflowId: echoId, inputs: { prompt: 'replayed boots' }, idempotencyKey: 'replay-now-1' });
    const first = structured<Executed>(await call());
    await expect
      .poll(async () => structured<{ status: string }>(await mcp.call('poll_execution', { executionId: first.executionId })).status)
      .toBe('COMPLETED');
    const replay = await call();
    expect(structured<Executed>(replay)).toMatchObject({ executionId: first.executionId, finished: true, status: 'COMPLETED' });
    expect(JSON.stringify(structured<Executed>(replay).finalOutput)).toContain('replayed boots');
    expect(textOf(replay)).toMatch(new RegExp(`^Execution ${first.executionId} COMPLETED`));
  });

  it('starts one execution per idempotencyKey', async () => {
    const first = structured<Executed>(await mcp.call('execute_workflow', { workflowId: echoId, idempotencyKey: 'same-run-1' }));
    const again = structured<Executed>(await mcp.call('execute_workflow', { workflowId: echoId, idempotencyKey: 'same-run-1' }));
    expect(again.executionId).toBe(first.executionId);
    const other = await mcp.call('execute_workflow', { workflowId: echoId, idempotencyKey: 'same-run-1', inputs: { prompt: 'different' } });
    expect(textOf(other)).toMatch(/^error idempotency_key_reused[\s\S]*new key/);
  });

  it('replays an inline graph under the same idempotencyKey: one execution, one scratch workflow', async () => {
    const scratch = async () => (await mcp.backend.listWorkflows({ tag: 'scratch', limit: 100 })).data.length;
    const before = await scratch();
    const call = (graph: object) => mcp.call('execute_workflow', { ...graph, inputs: { prompt: 'retried' }, idempotencyKey: 'inline-retry-1' });
    const first = structured<Executed>(await call(echoGraph));
    const again = structured<Executed>(await call(echoGraph));
    expect(again).toMatchObject({ executionId: first.executionId, workflowId: first.workflowId, savedAsScratch: true });
    expect(await scratch()).toBe(before + 1);
    expect((await mcp.backend.listExecutions({ workflowId: first.workflowId })).data.map((run) => run.id)).toEqual([first.executionId]);

    const changed = { ...echoGraph, nodes: echoGraph.nodes.map((one) => (one.id === 'prompt' ? { ...one, data: { ...one.data, label: 'Changed' } } : one)) };
    expect(textOf(await call(changed))).toMatch(/^error idempotency_key_reused/);
    expect(await scratch()).toBe(before + 1);
  });

  it('leaves no scratch workflow behind when an inline run is refused', async () => {
    const scratch = async () => (await mcp.backend.listWorkflows({ tag: 'scratch', limit: 100 })).data.length;
    const before = await scratch();
    const result = await mcp.call('execute_workflow', { ...imageGraph, idempotencyKey: 'inline-refused-1' });
    expect(textOf(result)).toMatch(/^error provider_not_configured/);
    expect(await scratch()).toBe(before);
  });

  it('needs a workflowId or a graph', async () => {
    const result = await mcp.call('execute_workflow', { dryRun: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/workflowId.*nodes/);
  });

  it('refuses a wait beyond 300 seconds and an unknown workflow', async () => {
    expect(textOf(await mcp.call('execute_workflow', { workflowId: echoId, waitSeconds: 301 }))).toMatch(/waitSeconds/);
    expect(textOf(await mcp.call('execute_workflow', { workflowId: 'wf_nope' }))).toMatch(/^error not_found/);
  });
});

describe('poll_execution, get_execution, cancel_execution', () => {
  it('reads a finished execution both ways and refuses to cancel it', async () => {
    const { executionId } = structured<Executed>(await mcp.call('execute_workflow', { workflowId: imageId, dryRun: true, waitSeconds: 30 }));
    const poll = await mcp.call('poll_execution', { executionId });
    expect(structured(poll)).toMatchObject({
      executionId,
      status: 'COMPLETED',
      nodeStates: expect.arrayContaining([expect.objectContaining({ nodeId: 'image', status: 'COMPLETED' })]),
    });
    expect(poll.content.some((block) => block.type === 'resource_link')).toBe(true);

    const { execution } = structured<{ execution: { id: string; nodes: Array<{ nodeId: string; nodeType: string; credits: number }> } }>(
      await mcp.call('get_execution', { executionId }),
    );
    expect(execution.id).toBe(executionId);
    expect(execution.nodes).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'image', nodeType: 'generate:flux_2', credits: 0 })]));

    const cancel = await mcp.call('cancel_execution', { executionId });
    expect(textOf(cancel)).toMatch(/^error not_cancellable[\s\S]*poll_execution/);
  });

  it('answers unknown executions with not_found', async () => {
    for (const tool of ['poll_execution', 'get_execution', 'cancel_execution']) {
      expect(textOf(await mcp.call(tool, { executionId: 'exec_nope' })), tool).toMatch(/^error not_found/);
    }
  });

  it('requires an executionId', async () => {
    expect((await mcp.call('poll_execution', {})).isError).toBe(true);
  });
});

describe('get_usage', () => {
  it('reports the balance, today and the plan limits', async () => {
    const usage = structured(await mcp.call('get_usage'));
    expect(usage).toMatchObject({
      plan: 'pro',
      balance: expect.any(Number),
      usedToday: { executions: expect.any(Number) },
      limits: { executionsPerMinute: expect.any(Number) },
    });
  });
});
