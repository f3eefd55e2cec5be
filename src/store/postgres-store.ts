import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations/index.js';

/** Connections of the counters' pool: each count is one short statement. */
const COUNTER_CONNECTIONS = 4;

/**
 * Opens (migrating as needed) the store on PostgreSQL (`PIPEWRIGHT_DATABASE_URL`,
 * docs/store.md "PostgreSQL"): the same repositories as on SQLite, through Kysely's
 * PostgresDialect and a `pg` pool. `pg` is loaded here only, so a SQLite start never pays for it.
 */
export async function openPostgresStore(options: { url: string; now?: () => Date }): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: options.url });
  // An idle client whose connection drops (a server restart) emits 'error' on the pool; unheard,
  // that would end the process. The pool discards the client and the next query connects anew.
  pool.on('error', () => {});
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
  const counters = new pg.Pool({ connectionString: options.url, max: COUNTER_CONNECTIONS });
  counters.on('error', () => {});
  return {
    ...store,
    connection: { kind: 'postgres', pool: counters },
    close: async () => {
      await store.close();
      await counters.end();
    },
  };
}
