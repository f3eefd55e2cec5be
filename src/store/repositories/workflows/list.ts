import { sql, type Kysely } from 'kysely';
import type { Database } from '../../database.js';
import type { ListPosition, WorkflowFilter } from '../../store.js';
import type { WorkflowRecord } from '../../records.js';
import { newestFirstPage } from '../keyset.js';
import { toWorkflowRecord } from './rows.js';

/** Newest first, keyset-paginated (../keyset.ts). */
export async function selectWorkflowPage(
  db: Kysely<Database>,
  accountId: string,
  filter: WorkflowFilter,
): Promise<{ items: WorkflowRecord[]; next: ListPosition | null }> {
  let query = db.selectFrom('workflows').selectAll().where('account_id', '=', accountId).where('deleted_at', 'is', null);
  if (filter.isActive !== undefined) query = query.where('is_active', '=', filter.isActive ? 1 : 0);
  if (filter.tag !== undefined) {
    const tag = filter.tag;
    query = query.where(({ exists, selectFrom }) =>
      exists(selectFrom('workflow_tags').select('tag').whereRef('workflow_tags.workflow_id', '=', 'workflows.id').where('tag', '=', tag)),
    );
  }
  if (filter.q !== undefined && filter.q !== '') {
    const pattern = `%${escapeLike(filter.q.toLowerCase())}%`;
    query = query.where(({ or }) => or([containsPattern('name', pattern), containsPattern('description', pattern)]));
  }
  return newestFirstPage(query, filter, toWorkflowRecord);
}

// `lower(…) LIKE … ESCAPE '!'` is case-insensitive the same way on SQLite and PostgreSQL.
function containsPattern(column: 'name' | 'description', pattern: string) {
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '!'`;
}

function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `!${char}`);
}
