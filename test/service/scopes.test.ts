import { describe, expect, it } from 'vitest';
import type { Principal, Services } from '../../src/service/index.js';
import { failure, simpleWorkflow, useHarness } from './harness.js';

const h = useHarness();

type Call = (services: Services, who: Principal, id: string) => Promise<unknown>;

const reads: Array<[string, Call]> = [
  ['list', (s, p) => s.workflows.list(p, {})],
  ['get', (s, p, id) => s.workflows.get(p, id)],
  ['versions', (s, p, id) => s.workflows.versions(p, id)],
  ['version', (s, p, id) => s.workflows.version(p, id, 1)],
];
const writes: Array<[string, Call]> = [
  ['create', (s, p) => s.workflows.create(p, simpleWorkflow())],
  ['replace', (s, p, id) => s.workflows.replace(p, id, simpleWorkflow({ name: 'x' }))],
  ['patchNode', (s, p, id) => s.workflows.patchNode(p, id, 'prompt', { label: 'x' })],
  ['delete', (s, p, id) => s.workflows.delete(p, id)],
  ['duplicate', (s, p, id) => s.workflows.duplicate(p, id, {})],
  ['restore', (s, p, id) => s.workflows.restore(p, id, 1)],
];

describe('scopes', () => {
  it.each(writes)('%s needs workflows:write and changes nothing without it', async (_, call) => {
    const { services, admin, principalWith } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    const reader = await principalWith(['workflows:read', 'workflows:execute', 'usage:read']);
    const before = await h().snapshot();
    expect(await failure(call(services, reader, workflow.id))).toMatchObject({ code: 'missing_scope', details: { requiredScope: 'workflows:write' } });
    expect(await h().snapshot()).toEqual(before);
    await call(services, await principalWith(['workflows:write']), workflow.id);
  });

  it.each(reads)('%s needs workflows:read', async (_, call) => {
    const { services, admin, principalWith } = h();
    const { workflow } = await services.workflows.create(admin, simpleWorkflow());
    const writer = await principalWith(['workflows:write']);
    expect(await failure(call(services, writer, workflow.id))).toMatchObject({ code: 'missing_scope', details: { requiredScope: 'workflows:read' } });
    await call(services, await principalWith(['workflows:read']), workflow.id);
  });

  it('usage needs usage:read; admin holds every scope', async () => {
    const { services, admin, principalWith } = h();
    expect((await failure(services.usage.usage(await principalWith(['workflows:read'])))).code).toBe('missing_scope');
    await services.usage.usage(await principalWith(['usage:read']));
    await services.usage.usage(admin);
  });
});
