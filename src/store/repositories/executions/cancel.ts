import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import { atomic } from '../../atomic.js';
import { toJson } from '../../json.js';
import { appendEvents, EXECUTION_EVENTS } from './events.js';
import { UNFINISHED } from './unfinished.js';

/**
 * Ends an unfinished execution CANCELLED together with its PENDING and RUNNING nodes, in one
 * transaction; false, with nothing written, when it had already finished. Its `credits` become
 * what the ledger has charged to it: from here on its nodes are final (saveNode writes and charges
 * nothing for a finished execution), so the row and the ledger agree whoever was running it.
 * Each node it ends appends `node.cancelled`, then the run `execution.cancelled`, in the same transaction.
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
    const credits = 0 - Number(signed);
    await trx.updateTable('executions').set({ credits }).where('id', '=', id).execute();
    const open = await trx
      .selectFrom('node_runs')
      .select('node_id')
      .where('execution_id', '=', id)
      .where('status', 'in', ['PENDING', 'RUNNING'])
      .orderBy('position')
      .orderBy('node_id')
      .execute();
    await trx
      .updateTable('node_runs')
      .set({ status: 'CANCELLED', ended_at: fields.endedAt })
      .where('execution_id', '=', id)
      .where('status', 'in', ['PENDING', 'RUNNING'])
      .execute();
    await appendEvents(
      trx,
      id,
      [
        ...open.map((node) => ({ type: 'node.cancelled', data: { executionId: id, nodeId: node.node_id, status: 'CANCELLED' } })),
        { type: EXECUTION_EVENTS.CANCELLED!, data: { executionId: id, status: 'CANCELLED', credits, error: fields.error } },
      ],
      fields.endedAt,
    );
    return true;
  });
}
