import type { Kysely, Selectable } from 'kysely';
import type { Database, WorkflowVersionsTable, WorkflowsTable } from '../../database.js';
import type { WorkflowContent, WorkflowRecord, WorkflowVersionRecord } from '../../records.js';
import { fromJson, toJson } from '../../json.js';

/** The content columns shared by `workflows` and `workflow_versions`. */
export function contentColumns(content: WorkflowContent) {
  return {
    name: content.name,
    description: content.description,
    tags: toJson(content.tags),
    is_active: content.isActive ? 1 : 0,
    nodes: toJson(content.nodes),
    edges: toJson(content.edges),
  };
}

type ContentRow = Pick<WorkflowsTable, 'name' | 'description' | 'tags' | 'is_active' | 'nodes' | 'edges'>;

function toContent(row: ContentRow): WorkflowContent {
  return {
    name: row.name,
    description: row.description,
    tags: fromJson<string[]>(row.tags),
    isActive: row.is_active === 1,
    nodes: fromJson<unknown[]>(row.nodes),
    edges: fromJson<unknown[]>(row.edges),
  };
}

export function toWorkflowRecord(row: Selectable<WorkflowsTable>): WorkflowRecord {
  return {
    id: row.id,
    accountId: row.account_id,
    ...toContent(row),
    version: row.version,
    webhookId: row.webhook_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toVersionRecord(row: Selectable<WorkflowVersionsTable>): WorkflowVersionRecord {
  return { workflowId: row.workflow_id, version: row.version, ...toContent(row), note: row.note, createdAt: row.created_at };
}

/** Writes the history row of a version and the tag index of the current content. */
export async function recordVersion(
  trx: Kysely<Database>,
  workflowId: string,
  entry: { version: number; content: WorkflowContent; note: string; at: string },
): Promise<void> {
  await trx
    .insertInto('workflow_versions')
    .values({ workflow_id: workflowId, version: entry.version, ...contentColumns(entry.content), note: entry.note, created_at: entry.at })
    .execute();
  await trx.deleteFrom('workflow_tags').where('workflow_id', '=', workflowId).execute();
  const tags = [...new Set(entry.content.tags)];
  if (tags.length > 0)
    await trx
      .insertInto('workflow_tags')
      .values(tags.map((tag) => ({ workflow_id: workflowId, tag })))
      .execute();
}

/**
 * `updated_at` is the optimistic-concurrency token, so two writes must never share one: when the
 * clock has not moved past the previous value (same millisecond, or a clock step back), step 1 ms.
 */
export function nextTimestamp(now: Date, previous: string): string {
  const prev = Date.parse(previous);
  return new Date(Math.max(now.getTime(), prev + 1)).toISOString();
}
