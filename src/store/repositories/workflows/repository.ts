import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { WorkflowRepository } from '../../store.js';
import { atomic } from '../../atomic.js';
import { newId, newWebhookId } from '../../ids.js';
import { contentColumns, nextTimestamp, recordVersion, toWorkflowRecord } from './rows.js';
import { selectWorkflowPage } from './list.js';
import { versionOf, versionsOf } from './versions.js';

export function workflowRepository(db: Kysely<Database>, now: () => Date): WorkflowRepository {
  const visible = (trx: Kysely<Database>, accountId: string, id: string) =>
    trx.selectFrom('workflows').selectAll().where('id', '=', id).where('account_id', '=', accountId).where('deleted_at', 'is', null);

  const get: WorkflowRepository['get'] = async (accountId, id) => {
    const row = await visible(db, accountId, id).executeTakeFirst();
    return row && toWorkflowRecord(row);
  };

  return {
    list: (accountId, filter) => selectWorkflowPage(db, accountId, filter),
    get,

    create({ accountId, content, note }) {
      return atomic(db, async (trx) => {
        const at = now().toISOString();
        const row = {
          id: newId('wf'),
          account_id: accountId,
          ...contentColumns(content),
          version: 1,
          webhook_id: newWebhookId(),
          created_at: at,
          updated_at: at,
          deleted_at: null,
        };
        await trx.insertInto('workflows').values(row).execute();
        await recordVersion(trx, row.id, { version: 1, content, note, at });
        return toWorkflowRecord(row);
      });
    },

    update(accountId, id, { content, note, ifUpdatedAt }) {
      return atomic(db, async (trx) => {
        const current = await visible(trx, accountId, id).executeTakeFirst();
        if (!current) return { status: 'not_found' } as const;
        if (current.updated_at !== ifUpdatedAt) return { status: 'stale', currentUpdatedAt: current.updated_at } as const;
        const row = { ...current, ...contentColumns(content), version: current.version + 1, updated_at: nextTimestamp(now(), current.updated_at) };
        const { numUpdatedRows } = await trx.updateTable('workflows').set(row).where('id', '=', id).where('updated_at', '=', ifUpdatedAt).executeTakeFirst();
        // Another process may have written between our read and this update (PostgreSQL, READ COMMITTED).
        if (numUpdatedRows === 0n) return { status: 'stale', currentUpdatedAt: current.updated_at } as const;
        await recordVersion(trx, id, { version: row.version, content, note, at: row.updated_at });
        return { status: 'updated', workflow: toWorkflowRecord(row) } as const;
      });
    },

    async softDelete(accountId, id) {
      const { numUpdatedRows } = await db
        .updateTable('workflows')
        .set({ deleted_at: now().toISOString() })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return numUpdatedRows > 0n;
    },

    versions: (accountId, id) => versionsOf(db, accountId, id),
    version: (accountId, id, version) => versionOf(db, accountId, id, version),

    async findByWebhook(webhookId) {
      const row = await db.selectFrom('workflows').selectAll().where('webhook_id', '=', webhookId).where('deleted_at', 'is', null).executeTakeFirst();
      return row && toWorkflowRecord(row);
    },

    async rotateWebhook(accountId, id) {
      const { numUpdatedRows } = await db
        .updateTable('workflows')
        .set({ webhook_id: newWebhookId() })
        .where('id', '=', id)
        .where('account_id', '=', accountId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      return numUpdatedRows > 0n ? get(accountId, id) : undefined;
    },
  };
}
