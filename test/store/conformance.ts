import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store, WorkflowContent } from '../../src/store/index.js';
import { ManualClock } from './clock.js';
import { describeCallbackStore } from './callbacks-conformance.js';
import { describeEventStore } from './events-conformance.js';
import { describeExecutionStore } from './executions-conformance.js';
import { describeIdempotencyStore } from './idempotency-conformance.js';
import { describeOutputCacheStore } from './output-cache-conformance.js';
import { describeSecretStore } from './secrets-conformance.js';

/** An empty store of the backend under test, and a way to open the same data again. */
export interface OpenedStore {
  store: Store;
  reopen(): Promise<Store>;
}
export type OpenStore = (options: { now: () => Date }) => Promise<OpenedStore>;

export const content = (overrides: Partial<WorkflowContent> = {}): WorkflowContent => ({
  name: 'Flow',
  description: null,
  tags: [],
  isActive: true,
  nodes: [{ id: 'a', data: { nodeType: 'input:text', config: {} } }],
  edges: [],
  ...overrides,
});

/**
 * The one suite every Store backend passes (docs/architecture.md, "One store suite"). Written against the interface
 * only: nothing here may know which database is underneath.
 */
export function describeStore(name: string, open: OpenStore): void {
  describe(`Store conformance: ${name}`, () => {
    let clock: ManualClock;
    let opened: OpenedStore;
    let store: Store;
    const extra: Store[] = [];

    beforeEach(async () => {
      clock = new ManualClock();
      opened = await open({ now: clock.now });
      store = opened.store;
    });
    afterEach(async () => {
      await Promise.all([store, ...extra.splice(0)].map((s) => s.close()));
    });

    const account = (plan = 'pro') => store.accounts.create({ name: 'A', plan, creditsBalance: 0 });
    const reopen = async () => {
      await store.close();
      store = await opened.reopen();
      return store;
    };
    /** A second connection to the same data, beside the first (another process). */
    const another = async () => {
      const second = await opened.reopen();
      extra.push(second);
      return second;
    };

    describe('accounts', () => {
      it('creates, gets, counts and names the first account', async () => {
        expect(await store.accounts.count()).toBe(0);
        expect(await store.accounts.first()).toBeUndefined();
        const first = await account('free');
        clock.advance(1);
        await account();
        expect(first).toMatchObject({ id: expect.stringMatching(/^acct_[0-9A-Za-z]{16}$/), plan: 'free', creditsBalance: 0 });
        expect(await store.accounts.get(first.id)).toEqual(first);
        expect(await store.accounts.first()).toEqual(first);
        expect(await store.accounts.count()).toBe(2);
        expect(await store.accounts.get('acct_missing')).toBeUndefined();
      });
    });

    describe('api keys', () => {
      const newKey = (accountId: string, keyHash = 'a'.repeat(64)) =>
        store.apiKeys.create({ accountId, prefix: 'sk-abcdefghi', keyHash, name: 'k', scopes: ['workflows:read'], expiresAt: null });

      it('finds a key by its hash and lists an account’s keys only', async () => {
        const [a, b] = [await account(), await account()];
        const key = await newKey(a.id);
        await newKey(b.id, 'b'.repeat(64));
        expect(await store.apiKeys.findByHash('a'.repeat(64))).toEqual(key);
        expect(await store.apiKeys.findByHash('c'.repeat(64))).toBeUndefined();
        expect((await store.apiKeys.listByAccount(a.id)).map((k) => k.id)).toEqual([key.id]);
        expect(key).toMatchObject({ scopes: ['workflows:read'], revokedAt: null, lastUsedAt: null, expiresAt: null });
      });

      it('refuses a second key with the same hash', async () => {
        const a = await account();
        await newKey(a.id);
        await expect(newKey(a.id)).rejects.toThrow();
        expect(await store.apiKeys.listByAccount(a.id)).toHaveLength(1);
      });

      it('revokes once, only within the owning account, and records use', async () => {
        const [a, b] = [await account(), await account()];
        const key = await newKey(a.id);
        expect(await store.apiKeys.revoke(b.id, key.id)).toBeUndefined();
        expect((await store.apiKeys.findByHash(key.keyHash))?.revokedAt).toBeNull();
        const revoked = await store.apiKeys.revoke(a.id, key.id);
        clock.advance(60_000);
        expect((await store.apiKeys.revoke(a.id, key.id))?.revokedAt).toBe(revoked?.revokedAt);
        await store.apiKeys.touch(key.id, clock.now().toISOString());
        expect(await store.apiKeys.findByHash(key.keyHash)).toMatchObject({ revokedAt: revoked?.revokedAt, lastUsedAt: clock.now().toISOString() });
      });
    });

    describe('workflows', () => {
      it('creates version 1 with its history row and a long webhook id', async () => {
        const a = await account();
        const wf = await store.workflows.create({ accountId: a.id, content: content({ tags: ['x'] }), note: 'created' });
        expect(wf).toMatchObject({ id: expect.stringMatching(/^wf_/), version: 1, tags: ['x'], createdAt: wf.updatedAt });
        expect(wf.webhookId.length).toBeGreaterThanOrEqual(22);
        expect(await store.workflows.get(a.id, wf.id)).toEqual(wf);
        expect(await store.workflows.versions(a.id, wf.id)).toEqual([{ version: 1, createdAt: wf.createdAt, note: 'created' }]);
      });

      it('isolates accounts: another account’s id reads, writes and deletes nothing', async () => {
        const [a, b] = [await account(), await account()];
        const wf = await store.workflows.create({ accountId: a.id, content: content(), note: 'created' });
        expect(await store.workflows.get(b.id, wf.id)).toBeUndefined();
        expect(await store.workflows.update(b.id, wf.id, { content: content({ name: 'X' }), note: 'u', ifUpdatedAt: wf.updatedAt })).toEqual({
          status: 'not_found',
        });
        expect(await store.workflows.softDelete(b.id, wf.id)).toBe(false);
        expect(await store.workflows.versions(b.id, wf.id)).toBeUndefined();
        expect(await store.workflows.version(b.id, wf.id, 1)).toBeUndefined();
        expect(await store.workflows.rotateWebhook(b.id, wf.id)).toBeUndefined();
        expect((await store.workflows.list(b.id, { limit: 10 })).items).toEqual([]);
        expect(await store.workflows.get(a.id, wf.id)).toEqual(wf);
      });

      it('keeps every version and refuses a write based on a stale updatedAt', async () => {
        const a = await account();
        const v1 = await store.workflows.create({ accountId: a.id, content: content(), note: 'created' });
        clock.advance(1000);
        const first = await store.workflows.update(a.id, v1.id, {
          content: content({ name: 'Two', description: 'd' }),
          note: 'updated',
          ifUpdatedAt: v1.updatedAt,
        });
        expect(first).toMatchObject({ status: 'updated', workflow: { version: 2, name: 'Two', description: 'd', createdAt: v1.createdAt } });
        const v2 = first.status === 'updated' ? first.workflow : v1;
        expect(v2.updatedAt > v1.updatedAt).toBe(true);
        const stale = await store.workflows.update(a.id, v1.id, { content: content({ name: 'Lost' }), note: 'updated', ifUpdatedAt: v1.updatedAt });
        expect(stale).toEqual({ status: 'stale', currentUpdatedAt: v2.updatedAt });
        expect(await store.workflows.get(a.id, v1.id)).toEqual(v2);
        expect((await store.workflows.versions(a.id, v1.id))?.map((v) => [v.version, v.note])).toEqual([
          [2, 'updated'],
          [1, 'created'],
        ]);
        expect(await store.workflows.version(a.id, v1.id, 1)).toMatchObject({ version: 1, name: 'Flow', note: 'created' });
        expect(await store.workflows.version(a.id, v1.id, 3)).toBeUndefined();
      });

      it('gives two writes in the same millisecond different updatedAt tokens', async () => {
        const a = await account();
        const v1 = await store.workflows.create({ accountId: a.id, content: content(), note: 'created' });
        const v2 = await store.workflows.update(a.id, v1.id, { content: content(), note: 'u', ifUpdatedAt: v1.updatedAt });
        expect(v2.status === 'updated' && v2.workflow.updatedAt).not.toBe(v1.updatedAt);
        expect(await store.workflows.update(a.id, v1.id, { content: content(), note: 'u', ifUpdatedAt: v1.updatedAt })).toMatchObject({ status: 'stale' });
      });

      it('soft-deletes: gone from reads, writes and webhooks, once', async () => {
        const a = await account();
        const wf = await store.workflows.create({ accountId: a.id, content: content(), note: 'created' });
        expect(await store.workflows.softDelete(a.id, wf.id)).toBe(true);
        expect(await store.workflows.softDelete(a.id, wf.id)).toBe(false);
        expect(await store.workflows.get(a.id, wf.id)).toBeUndefined();
        expect(await store.workflows.versions(a.id, wf.id)).toBeUndefined();
        expect(await store.workflows.findByWebhook(wf.webhookId)).toBeUndefined();
        expect(await store.workflows.update(a.id, wf.id, { content: content(), note: 'u', ifUpdatedAt: wf.updatedAt })).toEqual({ status: 'not_found' });
      });

      it('finds a workflow by webhook id until the id is rotated', async () => {
        const a = await account();
        const wf = await store.workflows.create({ accountId: a.id, content: content(), note: 'created' });
        expect((await store.workflows.findByWebhook(wf.webhookId))?.id).toBe(wf.id);
        const rotated = await store.workflows.rotateWebhook(a.id, wf.id);
        expect(rotated?.webhookId).not.toBe(wf.webhookId);
        expect(rotated).toMatchObject({ version: 1, updatedAt: wf.updatedAt });
        expect(await store.workflows.findByWebhook(wf.webhookId)).toBeUndefined();
        expect((await store.workflows.findByWebhook(rotated?.webhookId ?? ''))?.id).toBe(wf.id);
      });
    });

    describeListing(() => ({ store, clock, account }));
    describeExecutionStore(() => ({ store, clock, account }));
    describeEventStore(() => ({ store, account, another }));
    describeIdempotencyStore(() => ({ store, clock, account }));
    describeOutputCacheStore(() => ({ store, clock, another }));
    describeSecretStore(() => ({ store, another }));
    describeCallbackStore(() => ({ store, account, another }));

    describe('ledger and usage', () => {
      it('moves the balance with each entry and sums spending per UTC day', async () => {
        const a = await account();
        await store.ledger.record({ accountId: a.id, amount: 1000, reason: 'grant' });
        await store.ledger.record({ accountId: a.id, amount: -30, reason: 'charge', executionId: null, nodeId: null });
        clock.advance(86_400_000);
        await store.ledger.record({ accountId: a.id, amount: -5, reason: 'charge' });
        expect((await store.accounts.get(a.id))?.creditsBalance).toBe(965);
        expect(await store.usage.daily(a.id, '2026-01-01')).toEqual([
          { date: '2026-03-01', credits: 30, executions: 0 },
          { date: '2026-03-02', credits: 5, executions: 0 },
        ]);
        expect(await store.usage.daily(a.id, '2026-03-02')).toEqual([{ date: '2026-03-02', credits: 5, executions: 0 }]);
      });
    });

    describe('transactions and lifecycle', () => {
      it('commits together or not at all', async () => {
        const failing = store.transaction(async (tx) => {
          const a = await tx.accounts.create({ name: 'T', plan: 'pro', creditsBalance: 0 });
          await tx.workflows.create({ accountId: a.id, content: content(), note: 'created' });
          throw new Error('abort');
        });
        await expect(failing).rejects.toThrow('abort');
        expect(await store.accounts.count()).toBe(0);
        const id = await store.transaction(async (tx) => (await tx.accounts.create({ name: 'T', plan: 'pro', creditsBalance: 0 })).id);
        expect(await store.accounts.get(id)).toBeDefined();
      });

      it('runs transactions that read and then write one at a time, across connections', async () => {
        // What bootstrap and admission rely on: nothing another transaction writes can come between a read and the write it decides.
        const second = await another();
        const createUnlessAny = (s: Store) =>
          s.transaction(async (tx) => {
            if ((await tx.accounts.count()) > 0) return false;
            await tx.accounts.create({ name: 'First', plan: 'pro', creditsBalance: 0 });
            return true;
          });
        const created = await Promise.all([store, second, store, second].map(createUnlessAny));
        expect(created.filter(Boolean)).toHaveLength(1);
        expect(await second.accounts.count()).toBe(1);
      });

      it('answers ping', async () => {
        expect(await store.ping()).toBe(true);
      });

      it('keeps every row across close and reopen, and reopening migrates nothing twice', async () => {
        const a = await account();
        const wf = await store.workflows.create({ accountId: a.id, content: content({ tags: ['kept'] }), note: 'created' });
        await store.workflows.update(a.id, wf.id, { content: content({ name: 'v2' }), note: 'updated', ifUpdatedAt: wf.updatedAt });
        const key = await store.apiKeys.create({ accountId: a.id, prefix: 'sk-x', keyHash: 'd'.repeat(64), name: 'k', scopes: ['admin'], expiresAt: null });
        await reopen();
        await reopen();
        expect(await store.accounts.get(a.id)).toEqual(a);
        expect(await store.apiKeys.findByHash(key.keyHash)).toEqual(key);
        expect(await store.workflows.get(a.id, wf.id)).toMatchObject({ name: 'v2', version: 2 });
        expect(await store.workflows.versions(a.id, wf.id)).toHaveLength(2);
      });
    });
  });
}

type ListingContext = () => { store: Store; clock: ManualClock; account: () => Promise<{ id: string }> };

function describeListing(context: ListingContext): void {
  describe('listing', () => {
    it('filters by tag, isActive and a case-insensitive literal substring of name or description', async () => {
      const { store, account } = context();
      const a = await account();
      const make = (c: Partial<WorkflowContent>) => store.workflows.create({ accountId: a.id, content: content(c), note: 'created' });
      const red = await make({ name: 'Red Shoes', tags: ['shoe', 'red'] });
      const blue = await make({ name: 'Blue', description: 'SHOE ad, 50% off', tags: ['shoe'], isActive: false });
      await make({ name: 'Other_thing' });
      const ids = async (filter: Parameters<Store['workflows']['list']>[1]) => (await store.workflows.list(a.id, filter)).items.map((w) => w.id).sort();
      expect(await ids({ limit: 10, tag: 'shoe' })).toEqual([red.id, blue.id].sort());
      expect(await ids({ limit: 10, tag: 'red' })).toEqual([red.id]);
      expect(await ids({ limit: 10, isActive: false })).toEqual([blue.id]);
      expect(await ids({ limit: 10, q: 'shoe' })).toEqual([red.id, blue.id].sort());
      expect(await ids({ limit: 10, q: '50%' })).toEqual([blue.id]);
      expect(await ids({ limit: 10, q: '5%' })).toEqual([]);
      expect(await ids({ limit: 10, q: 'oth_r' })).toEqual([]);
      expect(await ids({ limit: 10, q: 'r_t' })).toHaveLength(1);
      expect(await ids({ limit: 10, tag: 'shoe', isActive: true, q: 'RED' })).toEqual([red.id]);
    });

    it('pages newest first without repeats or gaps, even as rows are added meanwhile', async () => {
      const { store, clock, account } = context();
      const a = await account();
      const created: string[] = [];
      for (let i = 0; i < 7; i++) {
        // Pairs share a created_at: the id must break the tie.
        if (i % 2 === 0) clock.advance(1000);
        created.push((await store.workflows.create({ accountId: a.id, content: content({ name: `w${i}` }), note: 'created' })).id);
      }
      const seen: string[] = [];
      let page = await store.workflows.list(a.id, { limit: 3 });
      for (;;) {
        seen.push(...page.items.map((w) => w.id));
        clock.advance(1000);
        await store.workflows.create({ accountId: a.id, content: content({ name: 'late' }), note: 'created' });
        if (!page.next) break;
        page = await store.workflows.list(a.id, { limit: 3, after: page.next });
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen)).toEqual(new Set(created));
      const all = await store.workflows.list(a.id, { limit: 100 });
      // Ties are broken by id in the backend's own collation; only the date order is portable.
      const dates = all.items.map((w) => w.createdAt);
      expect(dates).toEqual([...dates].sort().reverse());
    });
  });
}
