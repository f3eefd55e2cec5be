import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN_LIMITS } from '../../src/service/index.js';
import { useHarness } from './harness.js';

describe('UsageService', () => {
  const h = useHarness({ planLimits: { pro: { requestsPerMinute: 120 } } });

  it('reports balance, today’s spending, history and the plan’s limits', async () => {
    const { services, admin, store, clock } = h();
    const empty = await services.usage.usage(admin);
    expect(empty).toEqual({
      plan: 'pro',
      balance: 1000,
      usedToday: { credits: 0, executions: 0 },
      history: [],
      limits: { requestsPerMinute: 120, executionsPerMinute: 10, executionsPerDay: 1000 },
    });
    await store.ledger.record({ accountId: admin.accountId, amount: -40, reason: 'charge' });
    clock.advance(86_400_000);
    await store.ledger.record({ accountId: admin.accountId, amount: -2, reason: 'charge' });
    const usage = await services.usage.usage(admin);
    expect(usage).toMatchObject({ balance: 958, usedToday: { credits: 2, executions: 0 } });
    expect(usage.history).toEqual([
      { date: '2026-03-01', credits: 40, executions: 0 },
      { date: '2026-03-02', credits: 2, executions: 0 },
    ]);
  });

  it('gives the contract’s defaults per plan, with overrides applied', () => {
    const { services } = h();
    expect(services.usage.limitsFor('free')).toEqual({ requestsPerMinute: 10, executionsPerMinute: 10, executionsPerDay: 50 });
    expect(services.usage.limitsFor('enterprise')).toEqual(DEFAULT_PLAN_LIMITS.enterprise);
    expect(DEFAULT_PLAN_LIMITS.enterprise.executionsPerDay).toBeNull();
    expect(services.usage.limitsFor('pro').requestsPerMinute).toBe(120);
  });
});

describe('CatalogService, HealthService and lint', () => {
  const h = useHarness();

  it('describes every registered node type', () => {
    const { nodes } = h().services.catalog.nodes();
    expect(nodes.map((n) => n.nodeType)).toContain('input:text');
    expect(nodes.find((n) => n.nodeType === 'output:result')).toMatchObject({
      category: 'output',
      inputs: expect.arrayContaining([expect.objectContaining({ id: 'value', isPort: true })]),
    });
  });

  it('reports the store as ok while open and unavailable once closed', async () => {
    const { services, store } = h();
    expect(await services.health.check()).toEqual({ ok: true, store: 'ok' });
    await store.close();
    expect(await services.health.check()).toEqual({ ok: false, store: 'unavailable' });
  });

  it('lints without storing: ok, violations with fixes, warnings', async () => {
    const { services } = h();
    const before = await h().snapshot();
    const broken = services.workflows.lint({ nodes: [{ id: 'a', data: { nodeType: 'input:txt' } }], edges: [] });
    expect(broken.ok).toBe(false);
    expect(broken.violations[0]).toMatchObject({ rule: 'unknown-node-type', nodeId: 'a', fix: expect.stringContaining('input:text') });
    expect(services.workflows.lint('nonsense')).toMatchObject({ ok: false, violations: [expect.objectContaining({ rule: 'invalid-schema' })] });
    const fine = services.workflows.lint({ nodes: [{ id: 'a', data: { nodeType: 'input:text', config: { prompt: 'x' } } }] });
    expect(fine).toEqual({ ok: true, violations: [], warnings: expect.any(Array) });
    expect(await h().snapshot()).toEqual(before);
  });
});
