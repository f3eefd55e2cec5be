import { describe, expect, it } from 'vitest';
import type { CallbackAttemptRecord, Store } from '../../src/store/index.js';

type Context = () => { store: Store; account: () => Promise<{ id: string }>; another: () => Promise<Store> };

const HOUR = 3_600_000;
const at = (offsetMs: number) => new Date(Date.parse('2026-03-01T12:00:00.000Z') + offsetMs).toISOString();
const claim = (token: string, nowMs: number, limit = 10) => ({ token, now: at(nowMs), leaseUntil: at(nowMs + 60_000), limit });
const refused: CallbackAttemptRecord = { at: at(0), status: 500, error: 'The receiver answered 500', durationMs: 3 };

async function endedExecution(store: Store, accountId: string, id: string, status = 'COMPLETED'): Promise<void> {
  await store.executions.create(id, { accountId, workflowId: null, workflowVersion: null, inputs: {}, options: {}, trigger: 'execute' }, []);
  await store.executions.update(id, { status, endedAt: at(0) });
}

/** Completion callback deliveries (docs/events.md): due once their execution ends, each attempt sent by one holder. */
export function describeCallbackStore(context: Context): void {
  describe('callback deliveries', () => {
    it('keeps a delivery waiting until its execution has ended', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      await store.executions.create('exec_cb1', { accountId, workflowId: null, workflowVersion: null, inputs: {}, options: {}, trigger: 'execute' }, []);
      await store.callbacks.create({ id: 'msg_1', executionId: 'exec_cb1', accountId, url: 'https://example.com/hook' });
      expect(await store.callbacks.claimDue(claim('t1', HOUR))).toEqual([]);
      await store.executions.update('exec_cb1', { status: 'FAILED', endedAt: at(1) });
      const [due] = await store.callbacks.claimDue(claim('t1', HOUR));
      expect(due).toMatchObject({ id: 'msg_1', executionId: 'exec_cb1', accountId, url: 'https://example.com/hook', state: 'waiting', attempts: [] });
      expect(await store.callbacks.forExecution('exec_cb1')).toEqual([due]);
    });

    it('lets only the claim that holds a delivery record its attempt, and offers it again when the next one is due', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      await endedExecution(store, accountId, 'exec_cb2');
      await store.callbacks.create({ id: 'msg_2', executionId: 'exec_cb2', accountId, url: 'https://example.com/hook' });
      expect(await store.callbacks.claimDue(claim('t1', 0))).toHaveLength(1);
      // Held: nobody else gets it, and only its holder writes.
      expect(await store.callbacks.claimDue(claim('t2', 1_000))).toEqual([]);
      const outcome = { attempts: [refused], state: 'waiting' as const, nextAttemptAt: at(5_000) };
      expect(await store.callbacks.recordAttempt('msg_2', 't2', outcome)).toBe(false);
      expect(await store.callbacks.recordAttempt('msg_2', 't1', outcome)).toBe(true);
      expect(await store.callbacks.claimDue(claim('t3', 4_999))).toEqual([]);
      const [again] = await store.callbacks.claimDue(claim('t3', 5_000));
      expect(again).toMatchObject({ attempts: [refused], nextAttemptAt: at(5_000) });
      await store.callbacks.recordAttempt('msg_2', 't3', {
        attempts: [refused, { ...refused, status: 200, error: null }],
        state: 'delivered',
        nextAttemptAt: null,
      });
      expect(await store.callbacks.claimDue(claim('t4', HOUR))).toEqual([]);
      expect((await store.callbacks.forExecution('exec_cb2'))[0]).toMatchObject({ state: 'delivered', nextAttemptAt: null });
    });

    it('hands a delivery whose holder let its lease end to another claim', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      await endedExecution(store, accountId, 'exec_cb3', 'CANCELLED');
      await store.callbacks.create({ id: 'msg_3', executionId: 'exec_cb3', accountId, url: 'https://example.com/hook' });
      expect(await store.callbacks.claimDue(claim('dead', 0))).toHaveLength(1);
      expect(await store.callbacks.claimDue(claim('alive', 60_001))).toHaveLength(1);
      expect(await store.callbacks.recordAttempt('msg_3', 'dead', { attempts: [refused], state: 'waiting', nextAttemptAt: at(0) })).toBe(false);
    });

    it('gives each delivery to one of two connections claiming at once', async () => {
      const { store, account, another } = context();
      const second = await another();
      const { id: accountId } = await account();
      const ids = ['msg_a', 'msg_b', 'msg_c', 'msg_d'];
      for (const [index, id] of ids.entries()) {
        await endedExecution(store, accountId, `exec_race${index}`);
        await store.callbacks.create({ id, executionId: `exec_race${index}`, accountId, url: 'https://example.com/hook' });
      }
      const [a, b] = await Promise.all([store.callbacks.claimDue(claim('a', 0)), second.callbacks.claimDue(claim('b', 0))]);
      expect([...a, ...b].map((delivery) => delivery.id).sort()).toEqual(ids);
    });
  });
}
