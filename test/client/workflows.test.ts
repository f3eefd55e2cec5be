import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type PipewrightClient, type WorkflowInput, type WorkflowView } from '../../src/client/index.js';
import { ADMIN_KEY, example, startRealServer, type RealServer } from './real-server.js';

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

const branching = example('branching') as WorkflowInput;

async function created(name = 'Client test'): Promise<WorkflowView> {
  return (await client.workflows.create({ ...branching, name })).workflow;
}

describe('workflows through the client, on the real server', () => {
  it('creates (201 {data, meta}) and gets the unwrapped workflow back', async () => {
    const { workflow, meta } = await client.workflows.create({ ...branching, name: 'Created' });
    expect(workflow).toMatchObject({ id: expect.stringMatching(/^wf_/), name: 'Created', version: 1, isActive: true });
    expect(meta).toEqual({ warnings: expect.any(Array), migrations: expect.any(Array) });
    expect(await client.workflows.get(workflow.id)).toEqual(workflow);
  });

  it('lists with filters and pages with the cursor', async () => {
    const tag = `t${Date.now()}`;
    for (const name of ['one', 'two', 'three']) await client.workflows.create({ ...branching, name, tags: [tag] });
    const first = await client.workflows.list({ tag, limit: 2 });
    expect(first.data.map((summary) => summary.name)).toEqual(['three', 'two']);
    expect(first.data[0]).toMatchObject({ nodeCount: 7, tags: [tag] });
    const second = await client.workflows.list({ tag, limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ data: [expect.objectContaining({ name: 'one' })], nextCursor: null });
    expect((await client.workflows.list({ q: 'thr', tag })).data.map((summary) => summary.name)).toEqual(['three']);
  });

  it('replaces as a new version; a stale baseUpdatedAt is stale_write with both timestamps', async () => {
    const workflow = await created();
    const { workflow: replaced } = await client.workflows.replace(workflow.id, { ...workflow, name: 'Renamed', baseUpdatedAt: workflow.updatedAt });
    expect(replaced).toMatchObject({ name: 'Renamed', version: 2 });
    const error = await client.workflows.replace(workflow.id, { ...workflow, baseUpdatedAt: workflow.updatedAt }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'stale_write',
      kind: 'user',
      details: { status: 409, type: 'conflict_error', currentUpdatedAt: replaced.updatedAt, yourBaseUpdatedAt: workflow.updatedAt },
    });
  });

  it('patches one node', async () => {
    const workflow = await created();
    const patched = await client.workflows.patchNode(workflow.id, 'item', { config: { prompt: 'teapots' }, label: 'Thing' });
    expect(patched.node).toMatchObject({ id: 'item', data: { label: 'Thing', config: { prompt: 'teapots' } } });
    expect((await client.workflows.get(workflow.id)).version).toBe(2);
  });

  it('patches one node under baseUpdatedAt: the matching one writes, the stale one is stale_write', async () => {
    const workflow = await created();
    const { updatedAt } = await client.workflows.patchNode(workflow.id, 'item', { label: 'Mine', baseUpdatedAt: workflow.updatedAt });
    const error = await client.workflows
      .patchNode(workflow.id, 'item', { label: 'Lost', baseUpdatedAt: workflow.updatedAt })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'stale_write', details: { status: 409, currentUpdatedAt: updatedAt, yourBaseUpdatedAt: workflow.updatedAt } });
  });

  it('keeps the history: versions, one version, restore', async () => {
    const workflow = await created('v1 name');
    await client.workflows.replace(workflow.id, { nodes: workflow.nodes, edges: workflow.edges, name: 'v2 name' });
    const versions = await client.workflows.versions(workflow.id);
    expect(versions.map((entry) => entry.version)).toEqual([2, 1]);
    expect((await client.workflows.version(workflow.id, 1)).name).toBe('v1 name');
    const restored = await client.workflows.restore(workflow.id, 1);
    expect(restored).toMatchObject({ name: 'v1 name', version: 3 });
  });

  it('duplicates (compat {id, name, url}) and deletes', async () => {
    const workflow = await created();
    const copy = await client.workflows.duplicate(workflow.id, { name: 'Twin' });
    expect(copy).toEqual({ id: expect.stringMatching(/^wf_/), name: 'Twin', url: `${server.url}/api/v1/workflows/${copy.id}` });
    expect(await client.workflows.delete(copy.id)).toEqual({ id: copy.id, deleted: true });
    await expect(client.workflows.get(copy.id)).rejects.toMatchObject({
      code: 'not_found',
      kind: 'user',
      details: { status: 404, requestId: expect.any(String) },
    });
  });

  it('lints without storing: a broken graph is a verdict, not an error', async () => {
    const verdict = await client.workflows.lint({ nodes: [{ id: 'a', data: { nodeType: 'input:txt', config: {} } }], edges: [] });
    expect(verdict.ok).toBe(false);
    expect(verdict.violations[0]).toMatchObject({ rule: 'unknown-node-type', nodeId: 'a', fix: 'did you mean `input:text`?' });
    expect(await client.workflows.lint(branching)).toMatchObject({ ok: true, violations: [] });
  });

  it('refuses an invalid graph on create with invalid_graph and every violation', async () => {
    const error = await client.workflows.create({ name: 'Bad', nodes: [{ id: 'a', data: { nodeType: 'input:txt' } }] }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'invalid_graph',
      kind: 'user',
      transient: false,
      details: { status: 422, violations: [expect.objectContaining({ rule: 'unknown-node-type' })] },
    });
  });

  it('reads the node catalog, usage and health', async () => {
    const nodes = await client.nodes();
    expect(nodes.find((entry) => entry.nodeType === 'input:text')).toMatchObject({ category: 'input', outputs: expect.any(Array) });
    expect(await client.usage()).toMatchObject({ plan: 'pro', balance: expect.any(Number), limits: expect.any(Object) });
    expect(await client.health()).toEqual({ status: 'ok', store: 'ok' });
  });

  it('maps a wrong key to invalid_api_key, without the key in the error', async () => {
    const wrongKey = `sk-${'Wr0ngKey'.repeat(5)}`;
    const stranger = createClient({ baseUrl: server.url, apiKey: wrongKey, retries: 0 });
    const error = await stranger.workflows.list().catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_api_key', kind: 'user', details: { status: 401, type: 'authentication_error' } });
    expect(JSON.stringify({ error, message: (error as Error).message, stack: (error as Error).stack })).not.toContain(wrongKey);
    await stranger.close();
  });

  it('honours an already aborted signal without sending anything', async () => {
    const reason = new Error('never mind');
    await expect(client.workflows.list({}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
