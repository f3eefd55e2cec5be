import type BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type DialectAdapter,
  type Driver,
  SqliteAdapter,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';
import { type LockSeam, waitForLock } from './lock-wait.js';

export interface StoreDialectConfig extends SqliteDialectConfig {
  /** The connection under `database`, asked whether it is inside a transaction. */
  sqlite: BetterSqlite3.Database;
  /** How long a statement waits for another process's write lock, in ms. */
  lockWaitMs: number;
}

/**
 * Kysely's SQLite dialect for a file that several processes share (docs/store.md): transactions
 * begin IMMEDIATE, a statement kept out by another process's lock waits for it off the event
 * loop (lock-wait.ts) instead of failing or blocking, and migrations run in one transaction.
 */
export class StoreSqliteDialect extends SqliteDialect {
  readonly #config: StoreDialectConfig;

  constructor(config: StoreDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new StoreSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

/**
 * SQLite runs DDL inside transactions, but Kysely's adapter says it does not, so its Migrator
 * would run each migration bare and take no lock: two processes starting on a new home both
 * created the tables, and the second failed. Said true, the Migrator reads what is pending and
 * runs it in one IMMEDIATE transaction: the second process waits, then finds nothing to do, and a
 * failed migration rolls back whole.
 */
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class StoreSqliteDriver extends SqliteDriver {
  readonly #config: StoreDialectConfig;
  #connection: DatabaseConnection | undefined;

  constructor(config: StoreDialectConfig) {
    super(config);
    this.#config = config;
  }

  /** Kysely's driver has one connection, guarded by the mutex that acquire and release take and give back. */
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#connection ??= this.#waiting(connection);
    return this.#connection;
  }

  /**
   * Kysely's plain BEGIN is deferred: a transaction that reads and then writes would need to
   * upgrade its read snapshot, and when another process has written since, SQLite refuses with
   * SQLITE_BUSY_SNAPSHOT, which no waiting cures. IMMEDIATE takes the write lock up front, so
   * the wait happens before anything is read, where waitForLock can retry it.
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  #waiting(connection: DatabaseConnection): DatabaseConnection {
    const seam: LockSeam = {
      idle: () => !this.#config.sqlite.inTransaction,
      handBack: () => super.releaseConnection(),
      takeBack: async () => {
        await super.acquireConnection();
      },
    };
    return {
      executeQuery: (query) => waitForLock(() => connection.executeQuery(query), seam, this.#config.lockWaitMs),
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }
}
