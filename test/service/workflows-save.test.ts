import { describe, expect, it } from 'vitest';
import { parseBody, SaveBodySchema } from '../../src/service/index.js';
import { BASE_URL, failure, simpleWorkflow, useHarness } from './harness.js';

const h = useHarness();

describe('WorkflowService create and get', () => {
  it('stores version 1 and returns the contract’s view with its meta', async () => {
    const { services, admin } = h();
    const { workflow, meta } = await services.workflows.create(admin, simpleWorkflow());
    expect(workflow).toMatchObject({
      id: expect.stringMatching(/^wf_/),
      name: 'Echo',
      description: 'Says it back',
      tags: ['demo'],
      isActive: true,
      version: 1,
      webhookUrl: `${BASE_URL}/api/v1/workflow/${workflow.webhookId}/trigger`,
      createdAt: workflow.updatedAt,
    });
    expect(meta).toEqual({ warnings: [], migrations: [] });
    expect(await services.workflows.get(admin, workflow.id)).toEqual(workflow);
  });

  it('stores the normalised graph: stale outputs dropped, categories corrected, edge ids filled', async () => {
    const { services, admin } = h();
    const {
      nodes: [prompt, out],
      edges: [edge],
      ...rest
    } = simpleWorkflow();
    const stale = { ...prompt, data: { ...prompt?.data, category: 'model', output: { text: 'old' } } };
    const body = { ...rest, nodes: [stale, out], edges: [{ ...edge, id: undefined }] };
    const { workflow, meta } = await services.workflows.create(admin, body);
    expect(meta.migrations.map((m) => m.field)).toEqual(['data.category', 'id']);
    expect(workflow.nodes[0]).toEqual({
      id: 'prompt',
      type: 'basedNode',
      position: { x: 0, y: 0 },
      data: { nodeType: 'input:text', label: 'Prompt', category: 'input', config: { prompt: 'hi' } },
    });
    expect(workflow.edges[0]).toMatchObject({ id: 'e-prompt-out-text-out-in-value' });
  });

  it('ignores server-owned fields sent by the client and applies defaults', async () => {
    const { services, admin } = h();
    const { name: _n, description: _d, tags: _t, ...graph } = simpleWorkflow();
    const body = { ...graph, id: 'wf_mine', version: 42, webhookId: 'guessable', webhookUrl: 'x', createdAt: '2000-01-01T00:00:00.000Z', updatedAt: 'y' };
    const { workflow } = await services.workflows.create(admin, body);
    expect(workflow).toMatchObject({ name: 'Untitled workflow', tags: [], isActive: true, version: 1 });
    expect(workflow.id).not.toBe('wf_mine');
    expect(workflow.webhookId).not.toBe('guessable');
    expect(workflow).not.toHaveProperty('description');
  });

  it.each([
    ['a non-object body', 'hello', []],
    ['no nodes', { name: 'x' }, ['nodes']],
    ['a name of the wrong type', simpleWorkflow({ name: 5 }), ['name']],
    ['tags that are not strings', simpleWorkflow({ tags: ['ok', 3] }), ['tags', 1]],
    ['edges that are not a list', simpleWorkflow({ edges: {} }), ['edges']],
  ])('refuses %s as invalid_body with the path, storing nothing', async (_, body, path) => {
    const { services, admin } = h();
    const before = await h().snapshot();
    const error = await failure(() => services.workflows.create(admin, parseBody(SaveBodySchema, body)));
    expect(error.code).toBe('invalid_body');
    expect(error.details.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    expect(await h().snapshot()).toEqual(before);
  });

  it('refuses a graph that fails validation as invalid_graph, with violations and fixes', async () => {
    const { services, admin } = h();
    const before = await h().snapshot();
    const body = simpleWorkflow();
    body.edges[0]!.targetHandle = 'in-valu';
    body.nodes.push({ id: 'broken', data: {} } as unknown as (typeof body.nodes)[number]);
    const error = await failure(services.workflows.create(admin, body));
    expect(error).toMatchObject({ code: 'invalid_graph', message: expect.stringContaining('failed validation') });
    const violations = error.details.violations as Array<{ rule: string; fix?: string }>;
    expect(violations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'invalid-schema', nodeId: 'broken' }),
        expect.objectContaining({ rule: 'bad-target-handle', fix: 'did you mean `in-value`?' }),
      ]),
    );
    expect(error.details.warnings).toEqual(expect.any(Array));
    expect(await h().snapshot()).toEqual(before);
  });

  it('hides another account’s workflow and a deleted one as not_found', async () => {
    const { services, admin, stranger } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    const other = await stranger();
    expect((await failure(services.workflows.get(other, workflow.id))).code).toBe('not_found');
    expect((await failure(services.workflows.get(admin, 'wf_nope'))).code).toBe('not_found');
  });
});

describe('WorkflowService replace', () => {
  it('makes a new version, keeping fields the body leaves out', async () => {
    const { services, admin, clock } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    clock.advance(1000);
    const { nodes, edges } = workflow;
    const { workflow: next } = await services.workflows.replace(admin, workflow.id, { nodes, edges, isActive: false, baseUpdatedAt: workflow.updatedAt });
    expect(next).toMatchObject({ version: 2, name: 'Echo', description: 'Says it back', tags: ['demo'], isActive: false, createdAt: workflow.createdAt });
    expect(next.updatedAt > workflow.updatedAt).toBe(true);
    const cleared = await services.workflows.replace(admin, workflow.id, { nodes, edges, description: null, tags: [] });
    expect(cleared.workflow).not.toHaveProperty('description');
    expect(cleared.workflow.tags).toEqual([]);
  });

  it('refuses a stale baseUpdatedAt with both timestamps and changes nothing', async () => {
    const { services, admin, clock } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    clock.advance(1000);
    const { workflow: current } = await services.workflows.replace(admin, workflow.id, simpleWorkflow({ name: 'Two' }));
    const before = await h().snapshot();
    const error = await failure(services.workflows.replace(admin, workflow.id, simpleWorkflow({ name: 'Lost', baseUpdatedAt: workflow.updatedAt })));
    expect(error).toMatchObject({ code: 'stale_write', details: { currentUpdatedAt: current.updatedAt, yourBaseUpdatedAt: workflow.updatedAt } });
    expect(await h().snapshot()).toEqual(before);
  });

  it('refuses an invalid graph, an invalid body and another account’s id, changing nothing', async () => {
    const { services, admin, stranger } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    const before = await h().snapshot();
    const broken = simpleWorkflow();
    broken.edges[0]!.sourceHandle = 'out-nope';
    expect((await failure(services.workflows.replace(admin, workflow.id, broken))).code).toBe('invalid_graph');
    expect((await failure(() => services.workflows.replace(admin, workflow.id, parseBody(SaveBodySchema, { nodes: 'x' })))).code).toBe('invalid_body');
    expect((await failure(services.workflows.replace(await stranger(), workflow.id, simpleWorkflow()))).code).toBe('not_found');
    expect(await h().snapshot()).toEqual(before);
  });
});

describe('WorkflowService delete', () => {
  it('soft-deletes once; another account cannot', async () => {
    const { services, admin, stranger, store } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    expect((await failure(services.workflows.delete(await stranger(), workflow.id))).code).toBe('not_found');
    expect(await services.workflows.get(admin, workflow.id)).toEqual(workflow);
    expect(await services.workflows.delete(admin, workflow.id)).toEqual({ id: workflow.id, deleted: true });
    expect((await failure(services.workflows.get(admin, workflow.id))).code).toBe('not_found');
    expect((await failure(services.workflows.delete(admin, workflow.id))).code).toBe('not_found');
    expect(await store.workflows.findByWebhook(workflow.webhookId)).toBeUndefined();
  });
});
