import { AsyncLocalStorage } from 'node:async_hooks';
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import { type LockSeam, waitForLock } from './lock-wait.js';
import type { Store } from './store.js';

/**
 * The connection is lent anew for each try (`db.connection()` takes Kysely's mutex and gives it
 * back), and what it was lent for left no transaction open, so a try refused SQLITE_BUSY did nothing.
 */
const LENT: LockSeam = { idle: () => true, handBack: async () => {}, takeBack: async () => {} };

/**
 * The SQLite store's `connection` (store.ts, StoreConnection), and its `transaction` marking the
 * work it runs: that work already holds the connection (a webhook trigger's budget is spent inside
 * the admission's transaction), so what it borrows runs at once, within the transaction — waiting
 * for the connection there would wait for itself.
 */
export function lendConnection(
  store: Store,
  db: Kysely<Database>,
  sqlite: BetterSqlite3.Database,
  lockWaitMs: number,
): Pick<Store, 'transaction' | 'connection'> {
  const inside = new AsyncLocalStorage<true>();
  return {
    transaction: (fn) => store.transaction((tx) => inside.run(true, () => fn(tx))),
    connection: {
      kind: 'sqlite',
      exclusive: (use, waitMs = lockWaitMs) => (inside.getStore() ? use(sqlite) : waitForLock(() => db.connection().execute(() => use(sqlite)), LENT, waitMs)),
    },
  };
}
