import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';

/** The statuses an execution may still leave; COMPLETED, FAILED and CANCELLED are final. */
export const UNFINISHED = ['QUEUED', 'RUNNING'];

/**
 * Whether the execution is still QUEUED or RUNNING — and, given `owner`, still held by it
 * (store.ts WriteGuard) — holding its row until the transaction ends.
 * The write changes nothing but takes the row's lock (SQLite: the database's write lock;
 * PostgreSQL: the row's), so a cancel committed by another process comes either before it — and
 * the answer is false — or after every write of this transaction. A plain read would promise
 * that on SQLite only: reads lock nothing on PostgreSQL.
 */
export async function holdUnfinished(trx: Kysely<Database>, executionId: string, owner?: string): Promise<boolean> {
  let query = trx
    .updateTable('executions')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', executionId)
    .where('status', 'in', UNFINISHED);
  if (owner !== undefined) query = query.where('runner', '=', owner);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
