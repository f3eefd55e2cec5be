import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import { atomic } from '../../atomic.js';
import { appendEvents } from './events.js';
import { PER_MILLE } from './rows.js';
import { holdUnfinished } from './unfinished.js';

/**
 * A RUNNING node's progress and its `node.progress` event, in one transaction, while the
 * execution is unfinished — and, given `owner`, still held by it (store.ts WriteGuard), so a process
 * that lost the execution to a takeover adds nothing to the new holder's stream. A node that has
 * ended keeps its final state: a late report writes nothing.
 */
export function saveProgress(
  db: Kysely<Database>,
  now: () => Date,
  write: { executionId: string; nodeId: string; progress: number; message?: string | undefined; owner?: string | undefined },
): Promise<boolean> {
  const { executionId, nodeId, progress, message } = write;
  return atomic(db, async (trx) => {
    if (!(await holdUnfinished(trx, executionId, write.owner))) return false;
    const result = await trx
      .updateTable('node_runs')
      .set({ progress: Math.round(progress * PER_MILLE) })
      .where('execution_id', '=', executionId)
      .where('node_id', '=', nodeId)
      .where('status', '=', 'RUNNING')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const data = { executionId, nodeId, status: 'RUNNING', progress, ...(message === undefined ? {} : { message }) };
    await appendEvents(trx, executionId, [{ type: 'node.progress', data }], now().toISOString());
    return true;
  });
}
