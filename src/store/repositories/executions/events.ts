import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { ExecutionEventRecord, NodeRunRecord } from '../../records.js';
import { fromJson, toJson } from '../../json.js';

/** The event each node status is told by; PENDING is where every node starts, so it tells nothing. */
const NODE_EVENTS: Record<string, string> = {
  RUNNING: 'node.started',
  COMPLETED: 'node.completed',
  FAILED: 'node.failed',
  SKIPPED: 'node.skipped',
  CANCELLED: 'node.cancelled',
};

/** The one event that ends an execution's stream, by its final status. */
export const EXECUTION_EVENTS: Record<string, string> = {
  COMPLETED: 'execution.completed',
  FAILED: 'execution.failed',
  CANCELLED: 'execution.cancelled',
};

export interface NewEvent {
  type: string;
  data: Record<string, unknown>;
}

/** The event a node's write tells, or none when its status did not change (a rewrite, a stored job id). */
export function nodeEvent(executionId: string, before: string | undefined, node: NodeRunRecord): NewEvent | undefined {
  const type = NODE_EVENTS[node.status];
  if (type === undefined || before === node.status) return undefined;
  const data: Record<string, unknown> = { executionId, nodeId: node.nodeId, status: node.status };
  if (node.output !== undefined && node.status === 'COMPLETED') data.outputs = node.output;
  if (node.error !== undefined) data.error = { code: node.error.code, message: node.error.message };
  if (node.skipReason !== undefined) data.skipReason = node.skipReason;
  if (node.status !== 'RUNNING') Object.assign(data, { credits: node.credits, cached: node.cached });
  if (node.durationMs !== undefined) data.durationMs = node.durationMs;
  if (node.progress !== undefined) data.progress = node.progress;
  return { type, data };
}

/**
 * Appends events after the execution's last. The caller's transaction must already hold the
 * execution's row (an update of it): then no other writer can take the same ids meanwhile.
 */
export async function appendEvents(trx: Kysely<Database>, executionId: string, events: readonly NewEvent[], at: string): Promise<void> {
  if (events.length === 0) return;
  const { last } = await trx
    .selectFrom('execution_events')
    .select((eb) => eb.fn.coalesce(eb.fn.max<number>('id'), eb.lit(0)).as('last'))
    .where('execution_id', '=', executionId)
    .executeTakeFirstOrThrow();
  const rows = events.map((event, index) => ({
    execution_id: executionId,
    id: Number(last) + index + 1,
    type: event.type,
    data: toJson(event.data),
    created_at: at,
  }));
  await trx.insertInto('execution_events').values(rows).execute();
}

export async function readEvents(db: Kysely<Database>, executionId: string, afterId: number, limit: number): Promise<ExecutionEventRecord[]> {
  const rows = await db
    .selectFrom('execution_events')
    .selectAll()
    .where('execution_id', '=', executionId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    executionId: row.execution_id,
    id: Number(row.id),
    type: row.type,
    data: fromJson<Record<string, unknown>>(row.data),
    at: row.created_at,
  }));
}

/**
 * Who hears of events this process wrote: one per store, shared by its transactions. Told after
 * the write returned, so a listener that reads finds the events (a write inside an outer
 * `Store.transaction` is told before that commits: the listener then reads them on its next look).
 */
export class EventBell {
  readonly #listeners = new Set<(executionId: string) => void>();

  listen(listener: (executionId: string) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  ring(executionId: string): void {
    for (const listener of this.#listeners) {
      try {
        listener(executionId);
      } catch {
        // A listener's fault is its own: the write it heard of has happened.
      }
    }
  }
}
