import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { ExecutionRepository } from '../../store.js';
import { atomic } from '../../atomic.js';
import { newestFirstPage } from '../keyset.js';
import { executionRow, nodeColumns, toExecutionRecord, toNodeRunRecord, updateColumns } from './rows.js';
import { cancelExecution } from './cancel.js';
import { saveNode } from './save-node.js';
import { appendEvents, type EventBell, nodeEvent, readEvents } from './events.js';
import { endExecution } from './end.js';
import { saveProgress } from './save-progress.js';
import { UNFINISHED } from './unfinished.js';

/** Ids per `endedAmong` statement, well under SQLite's bound on bound parameters. */
const IDS_PER_QUERY = 500;

/** `bell` hears of every event this repository appends (events.ts): one per store, shared by its transactions. */
export function executionRepository(db: Kysely<Database>, now: () => Date, bell: EventBell): ExecutionRepository {
  const told = async <T>(executionId: string, write: Promise<T>): Promise<T> => {
    const result = await write;
    bell.ring(executionId);
    return result;
  };
  return {
    create(id, input, nodes) {
      return atomic(db, async (trx) => {
        const row = executionRow(id, input, now().toISOString());
        await trx.insertInto('executions').values(row).execute();
        if (nodes.length > 0) {
          const rows = nodes.map((node, position) => ({ execution_id: id, node_id: node.nodeId, position, ...nodeColumns(node) }));
          await trx.insertInto('node_runs').values(rows).execute();
        }
        // A retry starts with the nodes it keeps already COMPLETED: its stream tells them too.
        const initial = nodes.map((node) => nodeEvent(id, 'PENDING', node)).filter((event) => event !== undefined);
        await appendEvents(trx, id, initial, row.created_at);
        return toExecutionRecord(row);
      });
    },

    async get(accountId, id) {
      const row = await db.selectFrom('executions').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
      return row && toExecutionRecord(row);
    },

    async load(id) {
      const row = await db.selectFrom('executions').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toExecutionRecord(row);
    },

    async list(accountId, filter) {
      let query = db.selectFrom('executions').selectAll().where('account_id', '=', accountId);
      if (filter.workflowId !== undefined) query = query.where('workflow_id', '=', filter.workflowId);
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return newestFirstPage(query, filter, toExecutionRecord);
    },

    async update(id, fields, guard) {
      const columns = updateColumns(fields);
      if (Object.keys(columns).length === 0) {
        let query = db.selectFrom('executions').select('id').where('id', '=', id).where('status', 'in', UNFINISHED);
        if (guard !== undefined) query = query.where('runner', '=', guard.owner);
        return (await query.executeTakeFirst()) !== undefined;
      }
      if (fields.status !== undefined && fields.status !== 'QUEUED' && fields.status !== 'RUNNING') {
        return told(id, endExecution(db, id, columns, now().toISOString(), guard?.owner));
      }
      // A finished execution is final: whoever writes late (an engine that missed a cancel, a
      // second process, one that lost it to a takeover) changes nothing. The conditions are in the
      // statement, so no read can race them.
      let query = db.updateTable('executions').set(columns).where('id', '=', id).where('status', 'in', UNFINISHED);
      if (guard !== undefined) query = query.where('runner', '=', guard.owner);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async nodes(executionId) {
      const rows = await db.selectFrom('node_runs').selectAll().where('execution_id', '=', executionId).orderBy('position').orderBy('node_id').execute();
      return rows.map(toNodeRunRecord);
    },

    saveNode: (executionId, accountId, node, guard) => told(executionId, saveNode(db, now, { executionId, accountId, node, owner: guard?.owner })),

    saveProgress: (executionId, nodeId, progress, message, guard) =>
      told(executionId, saveProgress(db, now, { executionId, nodeId, progress, message, owner: guard?.owner })),

    events: (executionId, afterId, limit) => readEvents(db, executionId, afterId, limit),

    onEvents: (listener) => bell.listen(listener),

    cancel: (id, fields) => told(id, cancelExecution(db, id, fields)),

    async endedAmong(ids) {
      const ended: string[] = [];
      for (let from = 0; from < ids.length; from += IDS_PER_QUERY) {
        const chunk = ids.slice(from, from + IDS_PER_QUERY);
        const rows = await db.selectFrom('executions').select('id').where('id', 'in', chunk).where('status', 'not in', UNFINISHED).execute();
        ended.push(...rows.map((row) => row.id));
      }
      return ended;
    },

    async claimOwner(id, owner, claim) {
      const { from, leaseUntil, expiredBy } = claim;
      let query = db
        .updateTable('executions')
        .set({ runner: owner, lease_until: leaseUntil })
        .where('id', '=', id)
        .where('status', 'in', UNFINISHED)
        .where((eb) => (from === null ? eb('runner', 'is', null) : eb('runner', '=', from)));
      if (expiredBy !== undefined && from !== null) query = query.where('lease_until', '<', expiredBy);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async renewLeases(owner, leaseUntil, only) {
      const renew = async (ids?: readonly string[]) => {
        let query = db.updateTable('executions').set({ lease_until: leaseUntil }).where('runner', '=', owner).where('status', 'in', UNFINISHED);
        if (ids !== undefined) query = query.where('id', 'in', ids);
        return Number((await query.executeTakeFirst()).numUpdatedRows);
      };
      if (only === undefined) return renew();
      let renewed = 0;
      for (let i = 0; i < only.length; i += IDS_PER_QUERY) renewed += await renew(only.slice(i, i + IDS_PER_QUERY));
      return renewed;
    },

    async claimable(at, limit) {
      const rows = await db
        .selectFrom('executions')
        .selectAll()
        .where('status', 'in', UNFINISHED)
        .where((eb) => eb.or([eb('runner', 'is', null), eb('lease_until', '<', at)]))
        .orderBy('created_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toExecutionRecord);
    },

    async unfinished() {
      const rows = await db.selectFrom('executions').selectAll().where('status', 'in', UNFINISHED).orderBy('created_at').orderBy('id').execute();
      return rows.map(toExecutionRecord);
    },

    async countSince(accountId, since) {
      const { n } = await db
        .selectFrom('executions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', accountId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow();
      return Number(n);
    },

    async outstandingCredits(accountId) {
      // Per unfinished execution: its estimate and what the ledger has charged to it so far. The
      // max(0, …) is taken here rather than in SQL: a fan-out can charge more than was estimated,
      // and that excess must not free credits for other runs.
      const rows = await db
        .selectFrom('executions')
        .leftJoin('credit_ledger', (join) => join.onRef('credit_ledger.execution_id', '=', 'executions.id').on('credit_ledger.reason', '=', 'charge'))
        .select((eb) => ['executions.estimated_credits as estimated', eb.fn.coalesce(eb.fn.sum<number>('credit_ledger.amount'), eb.lit(0)).as('signed')])
        .where('executions.account_id', '=', accountId)
        .where('executions.status', 'in', UNFINISHED)
        .groupBy(['executions.id', 'executions.estimated_credits'])
        .execute();
      // Charges are negative amounts, so what was charged is −signed.
      return rows.reduce((sum, row) => sum + Math.max(0, Number(row.estimated) + Number(row.signed)), 0);
    },
  };
}
