import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import { atomic } from '../../atomic.js';
import { toJson } from '../../json.js';
import { UNFINISHED } from './unfinished.js';

/**
 * Ends an unfinished execution CANCELLED together with its PENDING and RUNNING nodes, in one
 * transaction; false, with nothing written, when it had already finished. Its `credits` become
 * what the ledger has charged to it: from here on its nodes are final (saveNode writes and charges
 * nothing for a finished execution), so the row and the ledger agree whoever was running it.
 */
export function cancelExecution(db: Kysely<Database>, id: string, fields: { endedAt: string; error: Record<string, unknown> }): Promise<boolean> {
  return atomic(db, async (trx) => {
    const ended = await trx
      .updateTable('executions')
      .set({ status: 'CANCELLED', ended_at: fields.endedAt, error: toJson(fields.error) })
      .where('id', '=', id)
      .where('status', 'in', UNFINISHED)
      .executeTakeFirst();
    if (Number(ended.numUpdatedRows) === 0) return false;
    const { signed } = await trx
      .selectFrom('credit_ledger')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('signed'))
      .where('execution_id', '=', id)
      .where('reason', '=', 'charge')
      .executeTakeFirstOrThrow();
    // Charges are negative amounts (0 − rather than unary minus: no −0 in the row).
    await trx
      .updateTable('executions')
      .set({ credits: 0 - Number(signed) })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('node_runs')
      .set({ status: 'CANCELLED', ended_at: fields.endedAt })
      .where('execution_id', '=', id)
      .where('status', 'in', ['PENDING', 'RUNNING'])
      .execute();
    return true;
  });
}
