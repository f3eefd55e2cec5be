import type { Kysely, Selectable } from 'kysely';
import type { CallbackDeliveriesTable, Database } from '../database.js';
import type { CallbackDeliveryRecord, CallbackDeliveryRepository } from '../callbacks.js';
import { fromJson, toJson } from '../json.js';
import { UNFINISHED } from './executions/unfinished.js';

export function callbackDeliveryRepository(db: Kysely<Database>, now: () => Date): CallbackDeliveryRepository {
  return {
    async create(delivery) {
      const at = now().toISOString();
      await db
        .insertInto('callback_deliveries')
        .values({
          id: delivery.id,
          execution_id: delivery.executionId,
          account_id: delivery.accountId,
          url: delivery.url,
          state: 'waiting',
          attempts: toJson([]),
          next_attempt_at: at,
          lease_owner: null,
          lease_until: null,
          created_at: at,
        })
        .execute();
    },

    async forExecution(executionId) {
      const rows = await db.selectFrom('callback_deliveries').selectAll().where('execution_id', '=', executionId).orderBy('created_at').orderBy('id').execute();
      return rows.map(toRecord);
    },

    async claimDue({ token, now: at, leaseUntil, limit }) {
      const due = await db
        .selectFrom('callback_deliveries')
        .innerJoin('executions', 'executions.id', 'callback_deliveries.execution_id')
        .selectAll('callback_deliveries')
        .where('callback_deliveries.state', '=', 'waiting')
        .where('executions.status', 'not in', UNFINISHED)
        .where('callback_deliveries.next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('callback_deliveries.lease_until', 'is', null), eb('callback_deliveries.lease_until', '<', at)]))
        .orderBy('callback_deliveries.next_attempt_at')
        .limit(limit)
        .execute();
      const claimed: CallbackDeliveryRecord[] = [];
      for (const row of due) {
        // Another process may have claimed, sent and recorded an attempt since the read, freeing
        // its lease: the update takes the row only as it was read (same attempts, same next
        // attempt, still due), and what it hands out is the row as claimed, never the read.
        const taken = await db
          .updateTable('callback_deliveries')
          .set({ lease_owner: token, lease_until: leaseUntil })
          .where('id', '=', row.id)
          .where('state', '=', 'waiting')
          .where('attempts', '=', row.attempts)
          .where('next_attempt_at', '=', row.next_attempt_at)
          .where('next_attempt_at', '<=', at)
          .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', at)]))
          .returningAll()
          .executeTakeFirst();
        if (taken) claimed.push(toRecord(taken));
      }
      return claimed;
    },

    async recordAttempt(id, token, outcome) {
      const result = await db
        .updateTable('callback_deliveries')
        .set({ attempts: toJson(outcome.attempts), state: outcome.state, next_attempt_at: outcome.nextAttemptAt, lease_owner: null, lease_until: null })
        .where('id', '=', id)
        .where('lease_owner', '=', token)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

function toRecord(row: Selectable<CallbackDeliveriesTable>): CallbackDeliveryRecord {
  return {
    id: row.id,
    executionId: row.execution_id,
    accountId: row.account_id,
    url: row.url,
    state: row.state,
    attempts: fromJson(row.attempts),
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
  };
}
