import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storeRateLimiter } from '../../../src/api/rate-limit/index.js';
import { openStore, type Store } from '../../../src/store/index.js';
import { startPostgres } from '../../support/postgres.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(options: { home: string; databaseUrl?: string; lockWaitMs?: number }): Promise<Store> {
  const store = await openStore(options);
  cleanups.push(() => store.close());
  return store;
}

async function sqliteHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'pw-rate-store-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  return home;
}

/** A limiter on a SQLite home whose write lock another connection (another process, as SQLite sees it) holds. */
async function heldByAnother() {
  const home = await sqliteHome();
  const limiter = await storeRateLimiter((await open({ home })).connection!);
  const other = new BetterSqlite3(join(home, 'pipewright.db'), { timeout: 0 });
  cleanups.push(() => {
    other.close();
  });
  other.exec('begin immediate');
  return { limiter, other };
}

/** The counts in the store, as another process reads them. */
const stored = (other: BetterSqlite3.Database) => other.prepare('select key, points from rate_limits').all();

/** Two stores on one database stand in for two processes; their limiters must count one budget. */
async function expectOneBudget(first: Store, second: Store): Promise<void> {
  const limiters = [await storeRateLimiter(first.connection!), await storeRateLimiter(second.connection!)];
  const decisions = await Promise.all(Array.from({ length: 15 }, (_, i) => limiters[i % 2]!.consume('key:k', 5)));
  expect(decisions.filter((decision) => decision.allowed)).toHaveLength(5);
  for (const refused of decisions.filter((decision) => !decision.allowed)) expect(refused).toMatchObject({ remaining: 0, limit: 5 });
  // A batch refused whole spent nothing: one freed point is there for either.
  await limiters[0]!.refund('key:k', 5, 1);
  expect(await limiters[1]!.consume('key:k', 5, 3)).toMatchObject({ allowed: false, remaining: 1 });
  expect(await limiters[1]!.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 0 });
}

describe('storeRateLimiter: per-minute budgets in the store', () => {
  it('SQLite: two connections to one home count one budget', async () => {
    const home = await sqliteHome();
    await expectOneBudget(await open({ home }), await open({ home }));
  });

  it('PostgreSQL: two pools on one database count one budget', async () => {
    const cluster = await startPostgres();
    cleanups.push(() => cluster.stop());
    const databaseUrl = await cluster.createDatabase();
    const first = await open({ home: '', databaseUrl });
    await expectOneBudget(first, await open({ home: '', databaseUrl }));
    // More transactions at once than the store's pool has connections, each counting inside (as a
    // webhook trigger does): the counts never wait for a connection those transactions hold.
    const limiter = await storeRateLimiter(first.connection!);
    const counted = await Promise.all(
      Array.from({ length: 15 }, () =>
        first.transaction(async (tx) => {
          await tx.accounts.count();
          return (await limiter.consume('key:inside', 100)).allowed;
        }),
      ),
    );
    expect(counted.filter(Boolean)).toHaveLength(15);
  }, 120_000);

  it('prunes its table on a timer that close clears, on SQLite and PostgreSQL', async () => {
    const cluster = await startPostgres();
    cleanups.push(() => cluster.stop());
    const stores = [await open({ home: await sqliteHome() }), await open({ home: '', databaseUrl: await cluster.createDatabase() })];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    cleanups.push(() => {
      vi.useRealTimers();
    });
    for (const store of stores) {
      const limiter = await storeRateLimiter(store.connection!);
      expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true });
      expect(vi.getTimerCount()).toBe(1);
      limiter.close();
      expect(vi.getTimerCount()).toBe(0);
    }
  }, 120_000);

  it('SQLite: a count kept out by another process’s write lock waits off the event loop, then lands', async () => {
    const { limiter, other } = await heldByAnother();
    const events: string[] = [];
    const counted = limiter.consume('key:k', 5).then((decision) => {
      events.push('counted');
      return decision;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    events.push('timer fired');
    other.exec('commit');
    expect(await counted).toMatchObject({ allowed: true, remaining: 4 });
    expect(events).toEqual(['timer fired', 'counted']);
    expect(stored(other)).toEqual([{ key: 'rpm5:key:k', points: 1 }]);
  });

  it('SQLite: a lock held past the count’s wait does not hold the request up: that count is made in this process’s memory', async () => {
    const { limiter, other } = await heldByAnother();
    expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 4 });
    other.exec('rollback');
    expect(stored(other)).toEqual([]);
    expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 4 });
    expect(stored(other)).toEqual([{ key: 'rpm5:key:k', points: 1 }]);
  });

  it('SQLite: a count made while another flow of the process is inside a transaction waits for it, and its rollback does not undo the count', async () => {
    const home = await sqliteHome();
    const store = await open({ home });
    const limiter = await storeRateLimiter(store.connection!);
    let began!: () => void;
    const inside = new Promise<void>((resolve) => (began = resolve));
    let end!: () => void;
    const ending = new Promise<void>((resolve) => (end = resolve));
    const transaction = store.transaction(async (tx) => {
      await tx.accounts.create({ name: 'Owner', plan: 'pro', creditsBalance: 0 });
      began();
      await ending;
      throw new Error('rolled back');
    });
    await inside;
    // Started outside the transaction: it waits for the connection instead of joining the transaction.
    const counted = limiter.consume('key:k', 5);
    end();
    await expect(transaction).rejects.toThrow('rolled back');
    expect(await counted).toMatchObject({ allowed: true, remaining: 4 });
    expect(await store.accounts.count()).toBe(0);
    expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 3 });
  });

  it('SQLite: a count made by the work of a transaction (a trigger spends its budget inside the admission) runs within it', async () => {
    const home = await sqliteHome();
    const store = await open({ home });
    const limiter = await storeRateLimiter(store.connection!);
    await store.transaction(async (tx) => {
      expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 4 });
      await tx.accounts.create({ name: 'Owner', plan: 'pro', creditsBalance: 0 });
    });
    await expect(
      store.transaction(async () => {
        await limiter.consume('key:k', 5);
        throw new Error('refused after the count');
      }),
    ).rejects.toThrow('refused after the count');
    // The first count committed with its transaction; the second rolled back with its own.
    expect(await limiter.consume('key:k', 5)).toMatchObject({ allowed: true, remaining: 3 });
  });
});
