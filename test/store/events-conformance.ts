import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { nodeRun } from './executions-conformance.js';

type Context = () => { store: Store; account: () => Promise<{ id: string }>; another: () => Promise<Store> };

const newExecution = (accountId: string) => ({
  accountId,
  workflowId: null,
  workflowVersion: null,
  inputs: {},
  options: {},
  trigger: 'execute' as const,
});

const typesOf = (events: Array<{ type: string }>) => events.map((event) => event.type);

/** The event log of docs/events.md: written with the state it tells of, ids counting up per execution. */
export function describeEventStore(context: Context): void {
  describe('execution events', () => {
    it('appends one event per change of a node status and one that ends the run, ids from 1', async () => {
      const { store, account } = context();
      const a = await account();
      await store.executions.create('exec_ev1', newExecution(a.id), [nodeRun('a'), nodeRun('b'), nodeRun('c')]);
      const heard: string[] = [];
      const stop = store.executions.onEvents((id) => heard.push(id));
      await store.executions.update('exec_ev1', { status: 'RUNNING' });
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('a'));
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('a', { status: 'RUNNING' }));
      // The same status again (a stored provider job) tells nothing new.
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('a', { status: 'RUNNING', providerJobIds: { 0: 'job' } }));
      expect(await store.executions.saveProgress('exec_ev1', 'a', 0.5, 'half')).toBe(true);
      expect(await store.executions.saveProgress('exec_ev1', 'b', 0.5)).toBe(false);
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('a', { status: 'COMPLETED', output: { text: 'hi' }, durationMs: 5, credits: 0 }));
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('b', { status: 'FAILED', error: { code: 'provider_error', message: 'no' } }));
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('c', { status: 'SKIPPED', skipReason: 'upstream_failed' }));
      expect(await store.executions.saveProgress('exec_ev1', 'a', 0.9)).toBe(false);
      await store.executions.update('exec_ev1', { status: 'FAILED', error: { code: 'node_failed', message: 'b failed' }, credits: 0 });
      await store.executions.saveNode('exec_ev1', a.id, nodeRun('c', { status: 'COMPLETED' }));
      stop();
      await store.executions.update('exec_ev1', { status: 'COMPLETED' });
      const events = await store.executions.events('exec_ev1', 0, 100);
      expect(typesOf(events)).toEqual(['node.started', 'node.progress', 'node.completed', 'node.failed', 'node.skipped', 'execution.failed']);
      expect(events.map((event) => event.id)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(events[1]?.data).toEqual({ executionId: 'exec_ev1', nodeId: 'a', status: 'RUNNING', progress: 0.5, message: 'half' });
      expect(events[2]?.data).toMatchObject({ nodeId: 'a', status: 'COMPLETED', outputs: { text: 'hi' }, durationMs: 5, credits: 0 });
      expect(events[3]?.data).toMatchObject({ nodeId: 'b', status: 'FAILED', error: { code: 'provider_error', message: 'no' } });
      expect(events[5]?.data).toMatchObject({ executionId: 'exec_ev1', status: 'FAILED', error: { code: 'node_failed' } });
      expect(await store.executions.events('exec_ev1', 4, 1)).toEqual([events[4]]);
      expect(await store.executions.events('exec_ev1', 6, 10)).toEqual([]);
      expect(new Set(heard)).toEqual(new Set(['exec_ev1']));
    });

    it('tells a cancel: node.cancelled for each node that had not ended, then execution.cancelled', async () => {
      const { store, account } = context();
      const a = await account();
      await store.executions.create('exec_ev2', newExecution(a.id), [nodeRun('a'), nodeRun('b')]);
      await store.executions.saveNode('exec_ev2', a.id, nodeRun('a', { status: 'RUNNING' }));
      await store.executions.cancel('exec_ev2', { endedAt: new Date().toISOString(), error: { code: 'cancelled', message: 'Cancelled' } });
      const events = await store.executions.events('exec_ev2', 0, 100);
      expect(events.map((event) => [event.id, event.type, event.data.nodeId])).toEqual([
        [1, 'node.started', 'a'],
        [2, 'node.cancelled', 'a'],
        [3, 'node.cancelled', 'b'],
        [4, 'execution.cancelled', undefined],
      ]);
    });

    it('tells the nodes a retry starts with already COMPLETED', async () => {
      const { store, account } = context();
      const a = await account();
      await store.executions.create('exec_ev3', newExecution(a.id), [nodeRun('a', { status: 'COMPLETED', output: { x: 1 } }), nodeRun('b')]);
      expect(typesOf(await store.executions.events('exec_ev3', 0, 100))).toEqual(['node.completed']);
    });

    it('never gives two events one id when two connections write one execution at once', async () => {
      const { store, account, another } = context();
      const a = await account();
      const second = await another();
      const nodes = Array.from({ length: 12 }, (_, i) => nodeRun(`n${i}`));
      await store.executions.create('exec_ev4', newExecution(a.id), nodes);
      await Promise.all(nodes.map((node, i) => (i % 2 === 0 ? store : second).executions.saveNode('exec_ev4', a.id, { ...node, status: 'RUNNING' })));
      const events = await store.executions.events('exec_ev4', 0, 100);
      expect(events.map((event) => event.id)).toEqual(nodes.map((_, i) => i + 1));
      expect(new Set(events.map((event) => event.data.nodeId)).size).toBe(12);
    });
  });
}
