import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { content } from './conformance.js';

// Another connection to the same file stands in for another process: SQLite's locks hold between
// the connections of one process as between processes.
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function openShared(options: { lockWaitMs?: number } = {}): Promise<{ store: Store; other: BetterSqlite3.Database; file: string }> {
  const home = await mkdtemp(join(tmpdir(), 'pw-shared-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const store = await openStore({ home, ...options });
  cleanups.push(() => store.close());
  const file = join(home, 'pipewright.db');
  const other = new BetterSqlite3(file, { timeout: 0 });
  cleanups.push(() => {
    if (other.inTransaction) other.exec('rollback');
    other.close();
  });
  return { store, other, file };
}

async function accountId(store: Store): Promise<string> {
  return (await store.accounts.create({ name: 'Owner', plan: 'pro', creditsBalance: 0 })).id;
}

describe('SQLite store shared with another process', () => {
  it('begins every transaction IMMEDIATE: the write lock is held from the start, before anything is written', async () => {
    const { store, other } = await openShared();
    await store.transaction(async (tx) => {
      await tx.accounts.count();
      expect(() => other.exec('begin immediate')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    });
  });

  it('a write kept out by the lock waits off the event loop: reads and timers go on, and it lands once the lock is free', async () => {
    const { store, other } = await openShared({ lockWaitMs: 60_000 });
    const owner = await accountId(store);
    other.exec('begin immediate');
    const events: string[] = [];
    const write = store.workflows.create({ accountId: owner, content: content({ name: 'waited' }), note: 'created' }).then((workflow) => {
      events.push('transaction written');
      return workflow;
    });
    const single = store.outputCache.put('key', { output: { ok: true } }).then(() => events.push('statement written'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push('timer fired');
    expect(await store.ping()).toBe(true);
    expect(await store.accounts.get(owner)).toMatchObject({ id: owner });
    events.push('read answered');
    other.exec('commit');
    const created = await write;
    await single;
    expect(events.slice(0, 2)).toEqual(['timer fired', 'read answered']);
    expect(events.slice(2).sort()).toEqual(['statement written', 'transaction written']);
    expect(await store.workflows.get(owner, created.id)).toMatchObject({ name: 'waited' });
  });

  it('a lock held past the wait fails the write with store_busy and a Retry-After; once it is free, writes succeed', async () => {
    const { store, other } = await openShared({ lockWaitMs: 50 });
    const owner = await accountId(store);
    other.exec('begin immediate');
    await expect(store.workflows.create({ accountId: owner, content: content(), note: 'created' })).rejects.toMatchObject({
      code: 'store_busy',
      details: { retryAfter: 1 },
    });
    await expect(store.outputCache.put('key', { output: { n: 1 } })).rejects.toMatchObject({ code: 'store_busy' });
    other.exec('commit');
    await expect(store.workflows.create({ accountId: owner, content: content(), note: 'created' })).resolves.toMatchObject({ version: 1 });
  });

  it('lets processes that start at once on a new home migrate it once: the others wait, then find nothing to do', async () => {
    const home = await mkdtemp(join(tmpdir(), 'pw-shared-'));
    cleanups.push(() => rm(home, { recursive: true, force: true }));
    const stores = await Promise.all([openStore({ home }), openStore({ home }), openStore({ home })]);
    for (const store of stores) cleanups.push(() => store.close());
    await stores[0]!.accounts.create({ name: 'Owner', plan: 'pro', creditsBalance: 0 });
    for (const store of stores) expect(await store.accounts.count()).toBe(1);
  });

  it('copies the WAL into the database file on its own thread, with no commit crossing a checkpoint threshold', async () => {
    const { store, file } = await openShared();
    const before = (await stat(file)).size;
    // About 1 MB of WAL: a quarter of SQLite's default automatic checkpoint (1000 pages of 4 KiB).
    for (let i = 0; i < 100; i++) await store.outputCache.put(`key-${i}`, { output: { text: 'x'.repeat(10_000) } });
    const until = Date.now() + 20_000;
    while ((await stat(file)).size <= before && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await stat(file)).size).toBeGreaterThan(before);
  });
});
