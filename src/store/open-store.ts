import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';
import { createKyselyStore } from './kysely-store.js';
import { migrateToLatest } from './migrations/index.js';
import { withStatementCache } from './statement-cache.js';

export interface OpenStoreOptions {
  /** `PIPEWRIGHT_HOME`: the folder is created if missing; the database is `<home>/pipewright.db`. */
  home: string;
  /** The clock every timestamp is taken from (tests move it). */
  now?: () => Date;
}

/** Opens (creating and migrating as needed) the embedded SQLite store. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  mkdirSync(options.home, { recursive: true });
  const sqlite = new BetterSqlite3(join(options.home, 'pipewright.db'));
  // WAL lets readers run beside the writer; NORMAL is durable across crashes of the process under
  // WAL; busy_timeout makes a second process (`keys create` beside `serve`) wait, not fail.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createKyselyStore(db, options.now ? { now: options.now } : {});
}
