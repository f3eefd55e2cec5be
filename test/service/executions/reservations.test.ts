import { describe, expect, it } from 'vitest';
import { failure, paidChain, until, useExecHarness, type ExecHarness } from './harness.js';

const h = useExecHarness();

/** Sets the balance and answers a check that the books agree afterwards. */
async function startWith(harness: ExecHarness, balance: number) {
  const { services, admin, setBalance } = harness;
  await setBalance(balance);
  // setBalance moves the bootstrap grant with a grant entry, which usage does not count as spent; kept as a baseline.
  const usedBefore = (await services.usage.usage(admin)).usedToday.credits;
  /** Balance, today's usage and the executions' credits agree: every credit that left the balance was a node's charge, once. */
  return async function expectBooksBalance(executionIds: string[]): Promise<void> {
    const usage = await services.usage.usage(admin);
    let charged = 0;
    for (const id of executionIds) charged += (await services.executions.detail(admin, id)).credits;
    expect(usage.balance).toBe(balance - charged);
    expect(usage.usedToday.credits - usedBefore).toBe(charged);
    expect(usage.balance).toBeGreaterThanOrEqual(0);
  };
}

describe('credits are reserved at admission', () => {
  it('refuses a second run while the first holds its estimate, and admits it once the first has finished', async () => {
    const harness = h();
    const { services, admin, store, workflow, probe, finished } = harness;
    const expectBooksBalance = await startWith(harness, 100);
    const id = await workflow(paidChain({ a: 20, b: 60 }));
    probe.gated = true;
    const first = await services.executions.execute(admin, id, {});
    expect((await store.executions.load(first.executionId))?.estimatedCredits).toBe(80);
    await until(() => probe.isWaiting(first.executionId, 'a'));

    // Nothing is charged yet, but 80 of the 100 are held for the first run.
    const refused = await failure(services.executions.execute(admin, id, {}));
    expect(refused).toMatchObject({ code: 'insufficient_credits', details: { insufficientCredits: true, requiredCredits: 80, availableCredits: 20 } });
    expect(await services.executions.estimate(admin, id, {})).toMatchObject({ estimatedCredits: 80, availableCredits: 20, sufficient: false });

    // `a` completes and is charged; the hold shrinks by as much, so what is available stays 20.
    probe.open();
    probe.gated = true;
    await until(() => probe.isWaiting(first.executionId, 'b'));
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(80);
    expect(await failure(services.executions.execute(admin, id, {}))).toMatchObject({ code: 'insufficient_credits', details: { availableCredits: 20 } });
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items.map((e) => e.id)).toEqual([first.executionId]);

    // Finished (here cancelled before `b` was charged): the rest of its hold is released.
    await services.executions.cancel(admin, first.executionId);
    expect(await finished(first.executionId)).toBe('CANCELLED');
    probe.open();
    const second = await services.executions.execute(admin, id, {});
    expect(await finished(second.executionId)).toBe('COMPLETED');
    expect(probe.count('b')).toBe(2);
    await expectBooksBalance([first.executionId, second.executionId]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(0);
  });

  it('admits only one of two runs sent at the same moment that together exceed the balance', async () => {
    const harness = h();
    const { services, admin, workflow, finished } = harness;
    const expectBooksBalance = await startWith(harness, 100);
    const id = await workflow(paidChain({ a: 40, b: 40 }));
    const outcomes = await Promise.allSettled([services.executions.execute(admin, id, {}), services.executions.execute(admin, id, {})]);
    const accepted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value.executionId] : []));
    const rejected = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code: string; details: Record<string, unknown> }] : []));
    expect(accepted).toHaveLength(1);
    expect(rejected).toMatchObject([{ code: 'insufficient_credits', details: { requiredCredits: 80 } }]);
    // Admitted first or second, the refused one saw the whole hold or the first charge plus the rest of it.
    expect(rejected[0]?.details.availableCredits).toBe(20);
    expect(await finished(accepted[0]!)).toBe('COMPLETED');
    await expectBooksBalance(accepted);
  });

  it('reserves a batch per run and refuses a batch that does not fit whole, recording none of it', async () => {
    const harness = h();
    const { services, admin, store, workflow, probe, finished } = harness;
    const expectBooksBalance = await startWith(harness, 40);
    const id = await workflow(paidChain());
    probe.gated = true;
    const batch = await services.executions.run(admin, id, { inputs: [{ prompt: '1' }, { prompt: '2' }, { prompt: '3' }] });
    const ids = (batch.executionRuns ?? []).map((run) => run.id);
    expect(ids).toHaveLength(3);
    for (const executionId of ids) expect((await store.executions.load(executionId))?.estimatedCredits).toBe(12);

    expect(await failure(services.executions.run(admin, id, { inputs: [{ prompt: '4' }, { prompt: '5' }] }))).toMatchObject({
      code: 'insufficient_credits',
      details: { requiredCredits: 24, availableCredits: 4 },
    });
    expect(await failure(services.executions.run(admin, id, { inputs: { prompt: '4' } }))).toMatchObject({
      code: 'insufficient_credits',
      details: { requiredCredits: 12, availableCredits: 4 },
    });
    expect((await store.executions.list(admin.accountId, { limit: 10 })).items).toHaveLength(3);

    probe.open();
    for (const executionId of ids) expect(await finished(executionId)).toBe('COMPLETED');
    await expectBooksBalance(ids);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(4);
    expect(await services.executions.estimate(admin, id, {})).toMatchObject({ availableCredits: 4, sufficient: false });
  });

  it('holds nothing for a dry run, and for a retry only the nodes it will run', async () => {
    const harness = h();
    const { services, admin, store, workflow, probe, finished } = harness;
    const expectBooksBalance = await startWith(harness, 100);
    const id = await workflow(paidChain({ a: 20, b: 60 }));
    const dry = await services.executions.execute(admin, id, { dryRun: true });
    expect((await store.executions.load(dry.executionId))?.estimatedCredits).toBe(0);
    await finished(dry.executionId);

    probe.failing.add('b');
    const failed = await services.executions.execute(admin, id, {});
    expect(await finished(failed.executionId)).toBe('FAILED');
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(80);

    probe.failing.clear();
    const ranA = probe.count('a');
    probe.gated = true;
    const retry = await services.executions.retry(admin, failed.executionId);
    expect((await store.executions.load(retry.executionId))?.estimatedCredits).toBe(60);
    await until(() => probe.isWaiting(retry.executionId, 'b'));
    expect(await services.executions.estimate(admin, id, { targetNodeId: 'a' })).toMatchObject({
      estimatedCredits: 20,
      availableCredits: 20,
      sufficient: true,
    });
    expect(await failure(services.executions.execute(admin, id, {}))).toMatchObject({ code: 'insufficient_credits', details: { availableCredits: 20 } });

    probe.open();
    expect(await finished(retry.executionId)).toBe('COMPLETED');
    expect(probe.count('a')).toBe(ranA);
    await expectBooksBalance([dry.executionId, failed.executionId, retry.executionId]);
    expect((await store.accounts.get(admin.accountId))?.creditsBalance).toBe(20);
  });
});
