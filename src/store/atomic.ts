import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Runs `fn` in a transaction, joining the caller's when there is one. A repository built on a
 * transaction must never open a second one: on a single connection that would wait forever.
 */
export function atomic<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}
