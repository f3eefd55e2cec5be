import { describe, expect, it } from 'vitest';
import { parseQuery, WorkflowListQuerySchema } from '../../src/service/index.js';
import { failure, simpleWorkflow, useHarness } from './harness.js';

const h = useHarness();

describe('WorkflowService list', () => {
  it('summarises newest first and filters by tag, isActive and q', async () => {
    const { services, admin, clock, stranger } = h();
    const make = async (overrides: Record<string, unknown>) => {
      clock.advance(1000);
      return (await services.workflows.create(admin, simpleWorkflow(overrides))).workflow.id;
    };
    const a = await make({ name: 'Sneaker shot', tags: ['shoe'] });
    const b = await make({ name: 'Mug', description: 'Ceramic SNEAKER mug', tags: ['mug'], isActive: false });
    await services.workflows.create(await stranger(), simpleWorkflow({ name: 'Sneaker elsewhere' }));
    const page = await services.workflows.list(admin, {});
    expect(page.nextCursor).toBeNull();
    expect(page.data.map((w) => w.id)).toEqual([b, a]);
    expect(page.data[0]).toMatchObject({ nodeCount: 2, edgeCount: 1, isActive: false });
    expect(page.data[0]).not.toHaveProperty('nodes');
    const ids = async (query: object) => (await services.workflows.list(admin, query)).data.map((w) => w.id);
    expect(await ids({ tag: 'shoe' })).toEqual([a]);
    expect(await ids({ isActive: true })).toEqual([a]);
    expect(await ids({ q: 'sneaker' })).toEqual([b, a]);
    expect(await ids({ q: 'sneaker', isActive: false })).toEqual([b]);
  });

  it('pages with an opaque cursor until nextCursor is null', async () => {
    const { services, admin } = h();
    const made = new Set<string>();
    for (let i = 0; i < 5; i++) made.add((await services.workflows.create(admin, simpleWorkflow({ name: `w${i}` }))).workflow.id);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await services.workflows.list(admin, { limit: 2, ...(cursor && { cursor }) });
      seen.push(...page.data.map((w) => w.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(made);
  });

  it.each([
    ['limit 0', { limit: 0 }, 'limit'],
    ['limit 101', { limit: 101 }, 'limit'],
    ['a fractional limit', { limit: 2.5 }, 'limit'],
    ['a cursor it never issued', { cursor: 'not-a-cursor' }, 'cursor'],
    ['a cursor of the wrong shape', { cursor: Buffer.from('[1]').toString('base64url') }, 'cursor'],
  ])('refuses %s as invalid_field', async (_, query, field) => {
    expect(await failure(() => h().services.workflows.list(h().admin, parseQuery(WorkflowListQuerySchema, query)))).toMatchObject({
      code: 'invalid_field',
      details: { field },
    });
  });
});
