import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations/index.js';

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
  return { ...createKyselyStore(db, { flavour: 'postgres', ...(options.now && { now: options.now }) }), connection: { kind: 'postgres', pool } };
}
