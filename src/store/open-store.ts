import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Store } from './store.js';
import { createKyselyStore } from './kysely-store.js';
import { DEFAULT_LOCK_WAIT_MS } from './lock-wait.js';
import { lendConnection } from './lent-connection.js';
import { migrateToLatest } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';
import { StoreSqliteDialect } from './sqlite-dialect.js';
import { withStatementCache } from './statement-cache.js';
import { startWalCheckpointer } from './wal-checkpointer.js';

export interface OpenStoreOptions {
  /** `PIPEWRIGHT_HOME`: the folder is created if missing; the database is `<home>/pipewright.db`. */
  home: string;
  /**
   * `PIPEWRIGHT_DATABASE_URL` (`postgres://…`): the store is on that PostgreSQL database instead
   * of `<home>/pipewright.db` (docs/store.md, "PostgreSQL"). `lockWaitMs` is SQLite's only.
   */
  databaseUrl?: string;
  /** The clock every timestamp is taken from (tests move it). */
  now?: () => Date;
  /**
   * How long a statement waits for another process's write lock before it fails with
   * `store_busy`, in ms (`PIPEWRIGHT_STORE_LOCK_WAIT_MS`). Default 5000.
   */
  lockWaitMs?: number;
}

/**
 * SQLite's own busy wait, in ms. better-sqlite3 is synchronous, so this wait blocks the event
 * loop: it stays a few milliseconds, enough for the usual lock held for one short transaction;
 * longer waits are lock-wait.ts's, asynchronous.
 */
const SQLITE_BUSY_TIMEOUT_MS = 5;
/** SQLite's default threshold, in pages, for the fallback when the checkpoint thread fails. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;

/** Opens (creating and migrating as needed) the store: PostgreSQL when given a URL, else the embedded SQLite one. */
export function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl !== undefined) return openPostgresStore({ url: options.databaseUrl, ...(options.now && { now: options.now }) });
  return openSqliteStore(options);
}

async function openSqliteStore(options: OpenStoreOptions): Promise<Store> {
  mkdirSync(options.home, { recursive: true });
  const file = join(options.home, 'pipewright.db');
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers run beside the writer; NORMAL is durable across crashes of the process under
  // WAL. Switching a new file to WAL needs it alone, so that one statement keeps better-sqlite3's
  // 5 s busy wait: it runs once, at start, before any request.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  // Checkpoints run on a thread of their own (wal-checkpointer.ts), never inside a commit.
  sqlite.pragma('wal_autocheckpoint = 0');
  const lockWaitMs = options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS;
  const db = new Kysely<Database>({ dialect: new StoreSqliteDialect({ database: withStatementCache(sqlite), sqlite, lockWaitMs }) });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  const checkpointer = startWalCheckpointer(file, () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  });
  const store = createKyselyStore(db, options.now ? { now: options.now } : {});
  return {
    ...store,
    ...lendConnection(store, db, sqlite, lockWaitMs),
    // The checkpoint thread goes first, so this connection is the file's last here and its close
    // checkpoints what is left.
    close: async () => {
      await checkpointer.stop();
      await store.close();
    },
  };
}
