import type { Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { WorkflowRepository } from '../../store.js';
import { toVersionRecord } from './rows.js';

// History is read through the owning, undeleted workflow: a version is never visible on its own.

export async function versionsOf(db: Kysely<Database>, accountId: string, id: string): ReturnType<WorkflowRepository['versions']> {
  if (!(await isVisible(db, accountId, id))) return undefined;
  const rows = await db
    .selectFrom('workflow_versions')
    .select(['version', 'created_at', 'note'])
    .where('workflow_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => ({ version: row.version, createdAt: row.created_at, note: row.note }));
}

export async function versionOf(db: Kysely<Database>, accountId: string, id: string, version: number): ReturnType<WorkflowRepository['version']> {
  const row = await db
    .selectFrom('workflow_versions')
    .innerJoin('workflows', 'workflows.id', 'workflow_versions.workflow_id')
    .selectAll('workflow_versions')
    .where('workflows.id', '=', id)
    .where('workflows.account_id', '=', accountId)
    .where('workflows.deleted_at', 'is', null)
    .where('workflow_versions.version', '=', version)
    .executeTakeFirst();
  return row && toVersionRecord(row);
}

async function isVisible(db: Kysely<Database>, accountId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('workflows')
    .select('id')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
