import { describe, expect, it } from 'vitest';
import { parseBody, DuplicateBodySchema } from '../../src/service/index.js';
import { BASE_URL, failure, simpleWorkflow, useHarness } from './harness.js';

const h = useHarness();

async function threeVersions() {
  const { services, admin, clock } = h();
  const { workflow } = await services.workflows.create(admin, simpleWorkflow({ name: 'One' }));
  clock.advance(1000);
  await services.workflows.replace(admin, workflow.id, simpleWorkflow({ name: 'Two' }));
  clock.advance(1000);
  await services.workflows.patchNode(admin, workflow.id, 'prompt', { label: 'Three' });
  return workflow;
}

describe('WorkflowService versions and restore', () => {
  it('lists every version newest first with its note and time', async () => {
    const { services, admin } = h();
    const workflow = await threeVersions();
    const versions = await services.workflows.versions(admin, workflow.id);
    expect(versions.map((v) => [v.version, v.note])).toEqual([
      [3, 'node prompt patched'],
      [2, 'updated'],
      [1, 'created'],
    ]);
    expect(versions[2]?.updatedAt).toBe(workflow.createdAt);
  });

  it('shows one past version as a workflow', async () => {
    const { services, admin } = h();
    const workflow = await threeVersions();
    const v1 = await services.workflows.version(admin, workflow.id, 1);
    expect(v1).toEqual(workflow);
    expect((await services.workflows.version(admin, workflow.id, 2)).name).toBe('Two');
  });

  it('restores a version as a new one, keeping the history', async () => {
    const { services, admin, clock } = h();
    const workflow = await threeVersions();
    clock.advance(1000);
    const restored = await services.workflows.restore(admin, workflow.id, 1);
    expect(restored).toMatchObject({ version: 4, name: 'One', nodes: workflow.nodes });
    expect((await services.workflows.versions(admin, workflow.id))[0]).toMatchObject({ version: 4, note: 'restored from v1' });
    expect(await services.workflows.get(admin, workflow.id)).toEqual(restored);
  });

  it('answers not_found for a missing version or another account, invalid_field for a bad number', async () => {
    const { services, admin, stranger } = h();
    const workflow = await threeVersions();
    const other = await stranger();
    const before = await h().snapshot();
    expect((await failure(services.workflows.version(admin, workflow.id, 9))).code).toBe('not_found');
    expect((await failure(services.workflows.restore(admin, workflow.id, 9))).code).toBe('not_found');
    expect((await failure(services.workflows.versions(other, workflow.id))).code).toBe('not_found');
    expect((await failure(services.workflows.version(other, workflow.id, 1))).code).toBe('not_found');
    expect((await failure(services.workflows.restore(other, workflow.id, 1))).code).toBe('not_found');
    expect((await failure(services.workflows.version(admin, workflow.id, 0))).code).toBe('invalid_field');
    expect((await failure(services.workflows.restore(admin, workflow.id, Number.NaN))).code).toBe('invalid_field');
    expect(await h().snapshot()).toEqual(before);
  });
});

describe('WorkflowService duplicate', () => {
  it('copies the current content under a new id, webhook and history', async () => {
    const { services, admin } = h();
    const workflow = await threeVersions();
    const copy = await services.workflows.duplicate(admin, workflow.id, {});
    expect(copy).toEqual({ id: expect.stringMatching(/^wf_/), name: 'Two (copy)', url: `${BASE_URL}/api/v1/workflows/${copy.id}` });
    const stored = await services.workflows.get(admin, copy.id);
    const original = await services.workflows.get(admin, workflow.id);
    expect(stored).toMatchObject({ version: 1, nodes: original.nodes, edges: original.edges, tags: original.tags });
    expect(stored.webhookId).not.toBe(original.webhookId);
    expect(await services.workflows.versions(admin, copy.id)).toEqual([expect.objectContaining({ version: 1, note: `duplicated from ${workflow.id}` })]);
    expect((await services.workflows.duplicate(admin, workflow.id, { name: 'Mine' })).name).toBe('Mine');
  });

  it('refuses unknown fields and another account’s workflow, creating nothing', async () => {
    const { services, admin, stranger } = h();
    const workflow = await threeVersions();
    const before = await h().snapshot();
    expect((await failure(() => services.workflows.duplicate(admin, workflow.id, parseBody(DuplicateBodySchema, { name: 'x', tags: [] })))).code).toBe(
      'invalid_body',
    );
    expect((await failure(() => services.workflows.duplicate(admin, workflow.id, parseBody(DuplicateBodySchema, { name: '' })))).code).toBe('invalid_body');
    expect((await failure(services.workflows.duplicate(await stranger(), workflow.id, {}))).code).toBe('not_found');
    expect(await h().snapshot()).toEqual(before);
  });
});
