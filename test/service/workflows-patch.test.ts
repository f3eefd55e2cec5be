import { describe, expect, it } from 'vitest';
import { parseBody, PatchNodeBodySchema } from '../../src/service/index.js';
import { failure, simpleWorkflow, useHarness } from './harness.js';

const h = useHarness();

async function created() {
  const body = simpleWorkflow();
  body.nodes[0]!.data.config = { prompt: 'hi', timeoutMs: 1000, maxRetries: 2 } as (typeof body.nodes)[0]['data']['config'];
  return (await h().services.workflows.create(h().admin, body)).workflow;
}

describe('WorkflowService patchNode', () => {
  it('merges config and params (null deletes), replaces label and position, as a new version', async () => {
    const { services, admin } = h();
    const workflow = await created();
    const result = await services.workflows.patchNode(admin, workflow.id, 'prompt', {
      config: { prompt: 'hello', maxRetries: null },
      params: { seed: 7, gone: null },
      label: 'Greeting',
      position: { x: 5, y: 6 },
    });
    expect(result.node).toEqual({
      id: 'prompt',
      type: 'basedNode',
      position: { x: 5, y: 6 },
      data: { nodeType: 'input:text', label: 'Greeting', category: 'input', config: { prompt: 'hello', timeoutMs: 1000 }, params: { seed: 7 } },
    });
    const current = await services.workflows.get(admin, workflow.id);
    expect(current).toMatchObject({ version: 2, updatedAt: result.updatedAt });
    expect(current.nodes[0]).toEqual(result.node);
    expect((await services.workflows.versions(admin, workflow.id))[0]).toMatchObject({ version: 2, note: 'node prompt patched' });
  });

  it.each([
    ['an unknown key', { config: {}, data: {} }],
    ['a config that is not an object', { config: 'x' }],
    ['a position without y', { position: { x: 1 } }],
  ])('refuses %s as invalid_body, changing nothing', async (_, body) => {
    const { services, admin } = h();
    const workflow = await created();
    const before = await h().snapshot();
    expect((await failure(() => services.workflows.patchNode(admin, workflow.id, 'prompt', parseBody(PatchNodeBodySchema, body)))).code).toBe('invalid_body');
    expect(await h().snapshot()).toEqual(before);
  });

  it('refuses a patch that breaks the graph as invalid_graph, changing nothing', async () => {
    const { services, admin } = h();
    const workflow = await created();
    const before = await h().snapshot();
    // output:result reads `value` from its edge; the prompt node gets a config its schema rejects.
    const error = await failure(services.workflows.patchNode(admin, workflow.id, 'prompt', { config: { prompt: 42 } }));
    expect(error.code).toBe('invalid_graph');
    expect(error.details.violations).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'prompt' })]));
    expect(await h().snapshot()).toEqual(before);
  });

  it('answers not_found for an unknown node and for another account’s workflow', async () => {
    const { services, admin, stranger } = h();
    const workflow = await created();
    const before = await h().snapshot();
    expect((await failure(services.workflows.patchNode(admin, workflow.id, 'nope', { label: 'x' }))).code).toBe('not_found');
    expect((await failure(services.workflows.patchNode(await stranger(), workflow.id, 'prompt', { label: 'x' }))).code).toBe('not_found');
    expect(await h().snapshot()).toEqual(before);
  });

  it('takes baseUpdatedAt like replace: the same instant in another ISO spelling is the same version', async () => {
    const { services, admin } = h();
    const workflow = await created();
    const sameInstant = workflow.updatedAt.replace('Z', '+00:00');
    const { updatedAt } = await services.workflows.patchNode(admin, workflow.id, 'prompt', { label: 'One', baseUpdatedAt: sameInstant });
    expect(await services.workflows.get(admin, workflow.id)).toMatchObject({ version: 2, updatedAt });
  });

  it('refuses a stale baseUpdatedAt with stale_write and both timestamps, changing nothing', async () => {
    const { services, admin, clock } = h();
    const workflow = await created();
    clock.advance(1000);
    const { updatedAt } = await services.workflows.patchNode(admin, workflow.id, 'prompt', { label: 'Theirs' });
    const before = await h().snapshot();
    const error = await failure(services.workflows.patchNode(admin, workflow.id, 'prompt', { label: 'Mine', baseUpdatedAt: workflow.updatedAt }));
    expect(error).toMatchObject({ code: 'stale_write', details: { currentUpdatedAt: updatedAt, yourBaseUpdatedAt: workflow.updatedAt } });
    expect(await h().snapshot()).toEqual(before);
  });

  it('refuses a baseUpdatedAt that is not a date-time with invalid_field, not stale_write, on patch and replace alike', async () => {
    const { services, admin } = h();
    const workflow = await created();
    const before = await h().snapshot();
    for (const baseUpdatedAt of ['last tuesday', '2026-02-30', '2026-01-01T10:00:00']) {
      const patched = await failure(services.workflows.patchNode(admin, workflow.id, 'prompt', { label: 'x', baseUpdatedAt }));
      const replaced = await failure(services.workflows.replace(admin, workflow.id, { nodes: workflow.nodes, edges: workflow.edges, baseUpdatedAt }));
      for (const error of [patched, replaced]) expect(error).toMatchObject({ code: 'invalid_field', details: { field: 'baseUpdatedAt' } });
    }
    expect(await h().snapshot()).toEqual(before);
  });
});
