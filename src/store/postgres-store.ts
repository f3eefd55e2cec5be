import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations/index.js';

/** Connections of the counters' pool: each count is one short statement. */
const COUNTER_CONNECTIONS = 4;
/**
 * A session left idle inside an open transaction this long is ended by the server, its locks
 * (rows, advisory) released: a process stalled mid-transaction cannot block a takeover for longer
 * than the default lease (30 s, service/executions/lease.ts). No transaction of the store waits
 * on anything but its own statements, so none of them comes near it.
 * https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-IDLE-IN-TRANSACTION-SESSION-TIMEOUT
 */
const IDLE_IN_TRANSACTION_MS = 30_000;

/**
 * Opens (migrating as needed) the store on PostgreSQL (`PIPEWRIGHT_DATABASE_URL`,
 * docs/store.md "PostgreSQL"): the same repositories as on SQLite, through Kysely's
 * PostgresDialect and a `pg` pool. `pg` is loaded here only, so a SQLite start never pays for it.
 */
export async function openPostgresStore(options: { url: string; now?: () => Date; idleInTransactionMs?: number }): Promise<Store> {
  const { default: pg } = await import('pg');
  const session = { connectionString: options.url, idle_in_transaction_session_timeout: options.idleInTransactionMs ?? IDLE_IN_TRANSACTION_MS };
  const pool = quietPool(new pg.Pool(session));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Reached first, so that a wrong URL or a server down says so, rather than that migrating failed.
    await sql`select 1`.execute(db);
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const store = createKyselyStore(db, { flavour: 'postgres', ...(options.now && { now: options.now }) });
  // The API's counters get a small pool of their own: a webhook trigger spends its budget inside
  // the admission's transaction, while every connection of the store's pool may be held by
  // transactions waiting for that one's advisory lock.
  const counters = quietPool(new pg.Pool({ ...session, max: COUNTER_CONNECTIONS }));
  return {
    ...store,
    connection: { kind: 'postgres', pool: counters },
    close: async () => {
      await store.close();
      await counters.end();
    },
  };
}

/**
 * A client whose connection drops (a server restart, or the server ending a session idle in a
 * transaction) emits 'error': on the pool while idle, on the client itself while checked out with
 * no statement running. Unheard, either would end the process. The pool discards such a client
 * when it is released (no longer queryable), and the next query connects anew.
 */
function quietPool<T extends import('pg').Pool>(pool: T): T {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}
