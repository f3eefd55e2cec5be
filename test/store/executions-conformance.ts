import { describe, expect, it } from 'vitest';
import type { NodeRunRecord, Store } from '../../src/store/index.js';
import type { ManualClock } from './clock.js';

type Context = () => { store: Store; clock: ManualClock; account: () => Promise<{ id: string }> };

export const nodeRun = (nodeId: string, overrides: Partial<NodeRunRecord> = {}): NodeRunRecord => ({
  nodeId,
  nodeType: 'input:text',
  label: nodeId.toUpperCase(),
  status: 'PENDING',
  attempts: 0,
  credits: 0,
  cached: false,
  logs: [],
  ...overrides,
});

const newExecution = (accountId: string, overrides: Record<string, unknown> = {}) => ({
  accountId,
  workflowId: null,
  workflowVersion: null,
  inputs: { a: 'x' },
  options: { dryRun: false },
  trigger: 'execute' as const,
  ...overrides,
});

const [T0, T1, T2, LATER] = ['2026-03-01T12:00:00.000Z', '2026-03-01T12:00:30.000Z', '2026-03-01T12:01:00.000Z', '2026-03-01T13:00:00.000Z'];
const ids = (records: Array<{ id: string }>) => records.map((record) => record.id);

/** Executions, node runs, charges and artifacts: part of the one suite every backend passes. */
export function describeExecutionStore(context: Context): void {
  describe('executions', () => {
    it('creates QUEUED with PENDING node rows in graph order, scoped to the account', async () => {
      const { store, account } = context();
      const [a, b] = [await account(), await account()];
      const created = await store.executions.create('exec_1', newExecution(a.id, { batchId: 'batch_1' }), [nodeRun('z'), nodeRun('a')]);
      expect(created).toMatchObject({
        id: 'exec_1',
        status: 'QUEUED',
        inputs: { a: 'x' },
        options: { dryRun: false },
        credits: 0,
        batchId: 'batch_1',
        retryOf: null,
        finalOutput: null,
      });
      expect(await store.executions.get(a.id, 'exec_1')).toEqual(created);
      expect(await store.executions.get(b.id, 'exec_1')).toBeUndefined();
      expect(await store.executions.load('exec_1')).toEqual(created);
      expect(await store.executions.nodes('exec_1')).toEqual([nodeRun('z'), nodeRun('a')]);
    });

    it('creates nothing when a node row cannot be written', async () => {
      const { store, account } = context();
      const a = await account();
      await expect(store.executions.create('exec_2', newExecution(a.id), [nodeRun('n'), nodeRun('n')])).rejects.toThrow();
      expect(await store.executions.load('exec_2')).toBeUndefined();
    });

    it('updates only the fields given and reads node state back as written', async () => {
      const { store, account } = context();
      const a = await account();
      await store.executions.create('exec_3', newExecution(a.id), [nodeRun('n')]);
      await store.executions.update('exec_3', { status: 'RUNNING', startedAt: '2026-03-01T12:00:00.000Z' });
      const full = nodeRun('n', {
        status: 'FAILED',
        attempts: 3,
        startedAt: 's',
        endedAt: 'e',
        durationMs: 12,
        progress: 0.25,
        logs: ['one'],
        error: { code: 'x', message: 'y', transient: true },
        iterations: [{ index: 0, status: 'FAILED' }],
        providerJobIds: { '0': 'job-1' },
        output: { v: [1] },
      });
      expect(await store.executions.saveNode('exec_3', a.id, full)).toBe(true);
      expect(await store.executions.nodes('exec_3')).toEqual([full]);
      await store.executions.update('exec_3', { status: 'FAILED', endedAt: '2026-03-01T12:00:01.000Z', error: { code: 'node_failed' }, finalOutput: { r: 1 } });
      expect(await store.executions.load('exec_3')).toMatchObject({
        status: 'FAILED',
        startedAt: '2026-03-01T12:00:00.000Z',
        endedAt: '2026-03-01T12:00:01.000Z',
        error: { code: 'node_failed' },
        finalOutput: { r: 1 },
      });
    });

    it('never moves a finished execution to another status, nor changes it at all', async () => {
      const { store, account } = context();
      const a = await account();
      for (const final of ['COMPLETED', 'FAILED', 'CANCELLED']) {
        const id = `exec_final_${final}`;
        await store.executions.create(id, newExecution(a.id), []);
        expect(await store.executions.update(id, { status: 'RUNNING', startedAt: '2026-03-01T12:00:00.000Z' })).toBe(true);
        expect(await store.executions.update(id, { status: final, endedAt: '2026-03-01T12:00:01.000Z', credits: 3 })).toBe(true);
        for (const late of ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']) {
          expect(await store.executions.update(id, { status: late, endedAt: '2026-03-01T13:00:00.000Z', error: { code: 'late' }, credits: 9 })).toBe(false);
        }
        expect(await store.executions.update(id, { credits: 9 })).toBe(false);
        expect(await store.executions.load(id)).toMatchObject({ status: final, endedAt: '2026-03-01T12:00:01.000Z', error: null, credits: 3 });
      }
      expect(await store.executions.update('exec_missing', { status: 'RUNNING' })).toBe(false);
    });

    it('hands an unfinished execution to one owner at a time, and never a finished one', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      const lease = { leaseUntil: LATER };
      await store.executions.create('exec_r1', { ...newExecution(accountId), owner: 'host/1/a' }, []);
      expect((await store.executions.load('exec_r1'))?.owner).toBe('host/1/a');
      expect(await store.executions.claimOwner('exec_r1', 'host/2/b', { from: null, ...lease })).toBe(false);
      const race = await Promise.all([
        store.executions.claimOwner('exec_r1', 'host/2/b', { from: 'host/1/a', ...lease }),
        store.executions.claimOwner('exec_r1', 'host/3/c', { from: 'host/1/a', ...lease }),
      ]);
      expect(race.filter(Boolean)).toHaveLength(1);
      await store.executions.update('exec_r1', { status: 'COMPLETED' });
      const holder = (await store.executions.load('exec_r1'))!.owner;
      expect(await store.executions.claimOwner('exec_r1', 'host/4/d', { from: holder, ...lease })).toBe(false);
      await store.executions.create('exec_r2', newExecution(accountId), []);
      expect((await store.executions.load('exec_r2'))?.owner).toBeNull();
      expect(await store.executions.claimOwner('exec_r2', 'host/5/e', { from: null, ...lease })).toBe(true);
    });

    it('offers what nobody holds or whose lease ended, and lets one process take each over', async () => {
      const { store, clock, account } = context();
      const { id: accountId } = await account();
      const held = { ...newExecution(accountId), owner: 'w/1/a', leaseUntil: T1 };
      await store.executions.create('exec_q', newExecution(accountId), []);
      clock.advance(1);
      await store.executions.create('exec_h', held, []);
      await store.executions.create('exec_done', held, []);
      await store.executions.update('exec_done', { status: 'COMPLETED' });
      expect(ids(await store.executions.claimable(T0, 10))).toEqual(['exec_q']);
      expect(ids(await store.executions.claimable(T2, 10))).toEqual(['exec_q', 'exec_h']);
      expect(ids(await store.executions.claimable(T2, 1))).toEqual(['exec_q']);
      // Still leased at T0: no takeover; ended by T2: exactly one of two claimants wins.
      expect(await store.executions.claimOwner('exec_h', 'w/2/b', { from: 'w/1/a', leaseUntil: LATER, expiredBy: T0 })).toBe(false);
      const race = await Promise.all(
        ['w/2/b', 'w/3/c'].map((owner) => store.executions.claimOwner('exec_h', owner, { from: 'w/1/a', leaseUntil: LATER, expiredBy: T2 })),
      );
      expect(race.filter(Boolean)).toHaveLength(1);
      expect(ids(await store.executions.claimable(T2, 10))).toEqual(['exec_q']);
    });

    it('renews every lease an owner holds in one call, or only those named, and no other', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      for (const [id, owner] of [
        ['exec_a', 'w/1/a'],
        ['exec_b', 'w/1/a'],
        ['exec_c', 'w/2/b'],
        ['exec_d', 'w/1/a'],
      ] as const) {
        await store.executions.create(id, { ...newExecution(accountId), owner, leaseUntil: T1 }, []);
      }
      await store.executions.update('exec_d', { status: 'FAILED' });
      expect(await store.executions.renewLeases('w/1/a', LATER, ['exec_a', 'exec_c', 'exec_d'])).toBe(1);
      expect(await store.executions.renewLeases('w/1/a', LATER, [])).toBe(0);
      expect(ids(await store.executions.claimable(T2, 10))).toEqual(['exec_b', 'exec_c']);
      expect(await store.executions.renewLeases('w/1/a', LATER)).toBe(2);
      expect(ids(await store.executions.claimable(T2, 10))).toEqual(['exec_c']);
    });

    it('fences the writes of an owner that lost the execution to a takeover: no node, no charge, no final state', async () => {
      const { store, account } = context();
      const { id: accountId } = await account();
      await store.ledger.record({ accountId, amount: 100, reason: 'grant' });
      await store.executions.create('exec_f', { ...newExecution(accountId), owner: 'w/1/a', leaseUntil: T1 }, [nodeRun('paid')]);
      const stalled = { owner: 'w/1/a' };
      expect(await store.executions.update('exec_f', { status: 'RUNNING' }, stalled)).toBe(true);
      expect(await store.executions.saveNode('exec_f', accountId, nodeRun('paid', { status: 'RUNNING' }), stalled)).toBe(true);
      expect(await store.executions.claimOwner('exec_f', 'w/2/b', { from: 'w/1/a', leaseUntil: LATER, expiredBy: T2 })).toBe(true);

      // The stalled owner resumes: nothing it writes lands.
      expect(await store.executions.saveNode('exec_f', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 }), stalled)).toBe(false);
      expect(await store.executions.update('exec_f', { credits: 9 }, stalled)).toBe(false);
      expect(await store.executions.update('exec_f', {}, stalled)).toBe(false);
      expect(await store.executions.update('exec_f', { status: 'FAILED', error: { code: 'late' } }, stalled)).toBe(false);
      expect(await store.executions.saveProgress('exec_f', 'paid', 0.5, 'late', stalled)).toBe(false);
      expect(await store.executions.load('exec_f')).toMatchObject({ status: 'RUNNING', owner: 'w/2/b', credits: 0 });
      expect((await store.executions.nodes('exec_f')).map((node) => [node.status, node.progress])).toEqual([['RUNNING', undefined]]);
      expect((await store.executions.events('exec_f', 0, 10)).map((event) => event.type)).toEqual(['node.started']);
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(100);

      // The new owner's writes land.
      const taker = { owner: 'w/2/b' };
      expect(await store.executions.saveProgress('exec_f', 'paid', 0.5, 'half', taker)).toBe(true);
      expect(await store.executions.saveNode('exec_f', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 }), taker)).toBe(true);
      expect(await store.executions.update('exec_f', { status: 'COMPLETED', credits: 9 }, taker)).toBe(true);
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(91);
    });

    it('lists newest first with workflow and status filters and a cursor', async () => {
      const { store, clock, account } = context();
      const [a, b] = [await account(), await account()];
      for (let i = 0; i < 5; i++) {
        clock.advance(1000);
        await store.executions.create(`exec_l${i}`, newExecution(a.id), []);
        if (i % 2 === 0) await store.executions.update(`exec_l${i}`, { status: 'COMPLETED' });
      }
      await store.executions.create('exec_other', newExecution(b.id), []);
      const first = await store.executions.list(a.id, { limit: 2 });
      expect(first.items.map((e) => e.id)).toEqual(['exec_l4', 'exec_l3']);
      const second = await store.executions.list(a.id, { limit: 10, after: first.next! });
      expect(second).toMatchObject({ next: null });
      expect(second.items.map((e) => e.id)).toEqual(['exec_l2', 'exec_l1', 'exec_l0']);
      expect((await store.executions.list(a.id, { limit: 10, status: 'COMPLETED' })).items.map((e) => e.id)).toEqual(['exec_l4', 'exec_l2', 'exec_l0']);
      expect((await store.executions.list(a.id, { limit: 10, workflowId: 'wf_none' })).items).toEqual([]);
    });

    it('cancels an unfinished execution with its pending and running nodes, and leaves a finished one as it is', async () => {
      const { store, account } = context();
      const a = await account();
      const rows = [
        nodeRun('done', { status: 'COMPLETED', credits: 4 }),
        nodeRun('busy', { status: 'RUNNING', providerJobIds: { '0': 'job-1' } }),
        nodeRun('later'),
      ];
      await store.executions.create('exec_k', newExecution(a.id), rows);
      await store.executions.update('exec_k', { status: 'RUNNING' });
      const cancel = { endedAt: '2026-03-01T12:00:05.000Z', error: { code: 'cancelled', message: 'Execution was cancelled' } };
      expect(await store.executions.cancel('exec_k', cancel)).toBe(true);
      expect(await store.executions.load('exec_k')).toMatchObject({ status: 'CANCELLED', endedAt: cancel.endedAt, error: cancel.error });
      expect(await store.executions.nodes('exec_k')).toEqual([
        rows[0],
        { ...rows[1], status: 'CANCELLED', endedAt: cancel.endedAt },
        { ...rows[2], status: 'CANCELLED', endedAt: cancel.endedAt },
      ]);
      expect(await store.executions.cancel('exec_k', { ...cancel, endedAt: '2026-03-01T13:00:00.000Z' })).toBe(false);
      expect(await store.executions.load('exec_k')).toMatchObject({ endedAt: cancel.endedAt });
      expect(await store.executions.cancel('exec_missing', cancel)).toBe(false);
    });

    it('names, among the executions asked about, those no longer QUEUED or RUNNING', async () => {
      const { store, account } = context();
      const a = await account();
      for (const id of ['exec_e1', 'exec_e2', 'exec_e3', 'exec_e4']) await store.executions.create(id, newExecution(a.id), []);
      await store.executions.update('exec_e2', { status: 'RUNNING' });
      await store.executions.update('exec_e3', { status: 'CANCELLED' });
      await store.executions.update('exec_e4', { status: 'COMPLETED' });
      expect((await store.executions.endedAmong(['exec_e1', 'exec_e2', 'exec_e3', 'exec_missing'])).sort()).toEqual(['exec_e3']);
      expect((await store.executions.endedAmong(['exec_e3', 'exec_e4'])).sort()).toEqual(['exec_e3', 'exec_e4']);
      expect(await store.executions.endedAmong([])).toEqual([]);
    });

    it('names the unfinished executions and counts an account’s executions since a time', async () => {
      const { store, clock, account } = context();
      const a = await account();
      await store.executions.create('exec_old', newExecution(a.id), []);
      clock.advance(86_400_000);
      const since = clock.now().toISOString();
      await store.executions.create('exec_new', newExecution(a.id), []);
      await store.executions.create('exec_done', newExecution(a.id), []);
      await store.executions.update('exec_new', { status: 'RUNNING' });
      await store.executions.update('exec_done', { status: 'CANCELLED' });
      expect((await store.executions.unfinished()).map((e) => e.id)).toEqual(['exec_old', 'exec_new']);
      expect(await store.executions.countSince(a.id, since)).toBe(2);
    });
  });

  describe('charges', () => {
    const setUp = async () => {
      const { store, account } = context();
      const a = await account();
      await store.ledger.record({ accountId: a.id, amount: 100, reason: 'grant' });
      await store.executions.create('exec_c', newExecution(a.id), [nodeRun('paid'), nodeRun('free')]);
      return { store, accountId: a.id };
    };

    it('charges a COMPLETED node once however often it is written', async () => {
      const { store, accountId } = await setUp();
      await store.executions.saveNode('exec_c', accountId, nodeRun('paid', { status: 'RUNNING', credits: 0 }));
      const done = nodeRun('paid', { status: 'COMPLETED', credits: 7, output: { v: 1 } });
      for (let i = 0; i < 3; i++) await store.executions.saveNode('exec_c', accountId, done);
      await store.executions.saveNode('exec_c', accountId, nodeRun('free', { status: 'COMPLETED' }));
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(93);
      expect(await store.usage.daily(accountId, '2026-01-01')).toEqual([{ date: '2026-03-01', credits: 7, executions: 1 }]);
    });

    it('charges once when the same completion is written concurrently', async () => {
      const { store, accountId } = await setUp();
      const done = nodeRun('paid', { status: 'COMPLETED', credits: 5 });
      await Promise.all(Array.from({ length: 20 }, () => store.executions.saveNode('exec_c', accountId, done)));
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(95);
      expect(await store.executions.nodes('exec_c')).toContainEqual(done);
    });

    it('counts what unfinished executions may still spend: estimate less their charges, never below 0, per account', async () => {
      const { store, account } = context();
      const [a, b] = [await account(), await account()];
      await store.ledger.record({ accountId: a.id, amount: 100, reason: 'grant' });
      expect(await store.executions.outstandingCredits(a.id)).toBe(0);
      await store.executions.create('exec_h1', newExecution(a.id, { estimatedCredits: 30 }), [nodeRun('x'), nodeRun('y')]);
      await store.executions.create('exec_h2', newExecution(a.id, { estimatedCredits: 5 }), [nodeRun('x')]);
      await store.executions.create('exec_h3', newExecution(a.id), [nodeRun('x')]);
      await store.executions.create('exec_hb', newExecution(b.id, { estimatedCredits: 50 }), []);
      expect(await store.executions.load('exec_h1')).toMatchObject({ estimatedCredits: 30 });
      expect(await store.executions.load('exec_h3')).toMatchObject({ estimatedCredits: 0 });
      expect(await store.executions.outstandingCredits(a.id)).toBe(35);
      await store.executions.update('exec_h1', { status: 'RUNNING' });
      // A charge draws on its own execution's hold (the same COMPLETED write twice charges once).
      for (let i = 0; i < 2; i++) await store.executions.saveNode('exec_h1', a.id, nodeRun('x', { status: 'COMPLETED', credits: 12 }));
      expect(await store.executions.outstandingCredits(a.id)).toBe(18 + 5);
      // A fan-out charging more than its estimate holds nothing more, and frees nothing for others.
      await store.executions.saveNode('exec_h2', a.id, nodeRun('x', { status: 'COMPLETED', credits: 9 }));
      expect(await store.executions.outstandingCredits(a.id)).toBe(18);
      // A finished execution holds nothing, whatever it left unspent.
      await store.executions.update('exec_h1', { status: 'FAILED' });
      expect(await store.executions.outstandingCredits(a.id)).toBe(0);
      expect(await store.executions.outstandingCredits(b.id)).toBe(50);
      expect((await store.accounts.get(a.id))?.creditsBalance).toBe(100 - 12 - 9);
    });

    it('writes and charges nothing for a node of a finished execution: after a cancel the row and the ledger agree', async () => {
      const { store, accountId } = await setUp();
      await store.executions.update('exec_c', { status: 'RUNNING' });
      expect(await store.executions.saveNode('exec_c', accountId, nodeRun('free', { status: 'COMPLETED', credits: 3 }))).toBe(true);
      expect(await store.executions.saveNode('exec_c', accountId, nodeRun('paid', { status: 'RUNNING' }))).toBe(true);
      await store.executions.cancel('exec_c', { endedAt: '2026-03-01T12:00:05.000Z', error: { code: 'cancelled' } });
      // The engine of the process running it had not heard yet: its node completes late.
      expect(await store.executions.saveNode('exec_c', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 }))).toBe(false);
      expect(await store.executions.saveNode('exec_missing', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 }))).toBe(false);
      expect((await store.executions.nodes('exec_c')).map((node) => [node.nodeId, node.status])).toEqual([
        ['paid', 'CANCELLED'],
        ['free', 'COMPLETED'],
      ]);
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(97);
      expect(await store.executions.load('exec_c')).toMatchObject({ status: 'CANCELLED', credits: 3 });
    });

    it('charges nothing for a completion racing a cancel that commits first, and keeps one that commits first', async () => {
      const { store, accountId } = await setUp();
      await store.executions.update('exec_c', { status: 'RUNNING' });
      const cancel = { endedAt: '2026-03-01T12:00:05.000Z', error: { code: 'cancelled' } };
      const [saved] = await Promise.all([
        store.executions.saveNode('exec_c', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 })),
        store.executions.cancel('exec_c', cancel),
      ]);
      const charged = saved ? 9 : 0;
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(100 - charged);
      expect(await store.executions.load('exec_c')).toMatchObject({ status: 'CANCELLED', credits: charged });
      expect((await store.executions.nodes('exec_c'))[0]?.status).toBe(saved ? 'COMPLETED' : 'CANCELLED');
    });

    it('writes the node and its charge together or not at all', async () => {
      const { store, accountId } = await setUp();
      const failing = store.transaction(async (tx) => {
        await tx.executions.saveNode('exec_c', accountId, nodeRun('paid', { status: 'COMPLETED', credits: 9 }));
        throw new Error('abort');
      });
      await expect(failing).rejects.toThrow('abort');
      expect((await store.accounts.get(accountId))?.creditsBalance).toBe(100);
      expect((await store.executions.nodes('exec_c'))[0]?.status).toBe('PENDING');
    });
  });

  describe('artifacts', () => {
    it('records an artifact’s owner and reads it back', async () => {
      const { store, account } = context();
      const a = await account();
      const artifact = { id: 'art_1', accountId: a.id, executionId: 'exec_x', contentType: 'image/png', size: 3, createdAt: '2026-03-01T12:00:00.000Z' };
      await store.artifacts.record(artifact);
      expect(await store.artifacts.get('art_1')).toEqual(artifact);
      expect(await store.artifacts.get('art_2')).toBeUndefined();
    });
  });
}
