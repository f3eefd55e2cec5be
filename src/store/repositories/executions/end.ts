import type { Kysely, Selectable } from 'kysely';
import type { Database, ExecutionsTable } from '../../database.js';
import { atomic } from '../../atomic.js';
import { fromJson } from '../../json.js';
import { appendEvents, EXECUTION_EVENTS } from './events.js';
import { UNFINISHED } from './unfinished.js';

/**
 * Writes an execution's final status (COMPLETED, FAILED; a cancel goes through cancel.ts) while it
 * is unfinished (and, given `owner`, held by it), and appends the one event that ends its stream in the same transaction; false,
 * writing nothing, once it has finished.
 */
export function endExecution(db: Kysely<Database>, id: string, columns: Partial<Selectable<ExecutionsTable>>, at: string, owner?: string): Promise<boolean> {
  return atomic(db, async (trx) => {
    let query = trx.updateTable('executions').set(columns).where('id', '=', id).where('status', 'in', UNFINISHED);
    if (owner !== undefined) query = query.where('runner', '=', owner);
    const result = await query.executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const row = await trx.selectFrom('executions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const type = EXECUTION_EVENTS[row.status];
    if (type === undefined) return true;
    const data: Record<string, unknown> = { executionId: id, status: row.status, credits: row.credits };
    if (row.final_output !== null) data.outputs = fromJson(row.final_output);
    if (row.error !== null) data.error = fromJson(row.error);
    if (row.started_at !== null && row.ended_at !== null) data.durationMs = Date.parse(row.ended_at) - Date.parse(row.started_at);
    await appendEvents(trx, id, [{ type, data }], at);
    return true;
  });
}
