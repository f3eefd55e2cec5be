import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { NodeRunRecord } from '../../records.js';
import { atomic } from '../../atomic.js';
import { newId } from '../../ids.js';
import { appendEvents, nodeEvent } from './events.js';
import { nodeColumns } from './rows.js';
import { holdUnfinished } from './unfinished.js';

/**
 * Upserts a node's row while its execution is QUEUED or RUNNING; a COMPLETED node with credits is
 * charged in the same transaction. A finished execution's nodes are final: once another process
 * has cancelled the run, a node its engine completes late is neither written nor charged, so the
 * ledger and the CANCELLED row agree (docs/executions.md, "Cancel"). The ledger's unique
 * (execution_id, node_id) is what makes the charge happen at most once: the balance moves only
 * when the entry was actually inserted, so a repeated write (a resumed run writing its reused
 * nodes again, two writers racing) never charges twice. A change of status appends its event
 * (events.ts) in the same transaction; a rewrite of the same status appends none.
 */
export function saveNode(
  db: Kysely<Database>,
  now: () => Date,
  write: { executionId: string; accountId: string; node: NodeRunRecord; owner?: string | undefined },
): Promise<boolean> {
  const { executionId, accountId, node } = write;
  return atomic(db, async (trx) => {
    if (!(await holdUnfinished(trx, executionId, write.owner))) return false;
    const before = await trx
      .selectFrom('node_runs')
      .select('status')
      .where('execution_id', '=', executionId)
      .where('node_id', '=', node.nodeId)
      .executeTakeFirst();
    const columns = nodeColumns(node);
    await trx
      .insertInto('node_runs')
      .values({ execution_id: executionId, node_id: node.nodeId, position: 0, ...columns })
      .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doUpdateSet(columns))
      .execute();
    if (node.status === 'COMPLETED' && node.credits > 0) await charge(trx, now, { executionId, accountId, nodeId: node.nodeId, credits: node.credits });
    const event = nodeEvent(executionId, before?.status, node);
    if (event !== undefined) await appendEvents(trx, executionId, [event], now().toISOString());
    return true;
  });
}

async function charge(
  trx: Kysely<Database>,
  now: () => Date,
  entry: { executionId: string; accountId: string; nodeId: string; credits: number },
): Promise<void> {
  const inserted = await trx
    .insertInto('credit_ledger')
    .values({
      id: newId('led'),
      account_id: entry.accountId,
      execution_id: entry.executionId,
      node_id: entry.nodeId,
      amount: -entry.credits,
      reason: 'charge',
      created_at: now().toISOString(),
    })
    .onConflict((oc) => oc.columns(['execution_id', 'node_id']).doNothing())
    .executeTakeFirst();
  if (inserted.numInsertedOrUpdatedRows === 0n) return;
  await trx
    .updateTable('accounts')
    .set((eb) => ({ credits_balance: eb('credits_balance', '-', entry.credits) }))
    .where('id', '=', entry.accountId)
    .execute();
}
