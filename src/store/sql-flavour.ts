import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from './database.js';

/**
 * Which SQL the store speaks. Kysely's builder writes the same queries for both; this module
 * holds the few places where the databases' locking truly differs, and nothing else may branch on it.
 */
export type SqlFlavour = 'sqlite' | 'postgres';

/**
 * The key of the advisory lock every `Store.transaction` takes on PostgreSQL (any 64-bit number;
 * Kysely's own migration lock uses another, src/store/migrations/index.ts).
 */
const STORE_TRANSACTION_LOCK = 7_031_994_202;

/**
 * Makes a `Store.transaction` take its turn with every other one, as on SQLite, where each
 * begins IMMEDIATE and so holds the database's write lock from its first read. The service's
 * transactions read, decide and then write (admission checks credits and the daily cap before
 * recording runs; bootstrap creates the first account only when there is none), which
 * PostgreSQL's READ COMMITTED would let two processes do at once. The lock is released at commit
 * or rollback. Repository writes that are one statement or take a row first (saveNode, cancel,
 * idempotency claims) do not need it.
 */
export async function takeTurn(trx: Kysely<Database>, flavour: SqlFlavour): Promise<void> {
  if (flavour === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(STORE_TRANSACTION_LOCK)})`.execute(trx);
}

/**
 * A read that holds the rows it returns until the transaction ends: `FOR UPDATE` on PostgreSQL.
 * On SQLite a transaction already holds the whole database's write lock, and `FOR UPDATE` is not
 * SQLite syntax. Outside a transaction there is nothing to hold.
 */
export function holding<O, T extends keyof Database>(
  db: Kysely<Database>,
  flavour: SqlFlavour,
  query: SelectQueryBuilder<Database, T, O>,
): SelectQueryBuilder<Database, T, O> {
  return flavour === 'postgres' && db.isTransaction ? query.forUpdate() : query;
}
