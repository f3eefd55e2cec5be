import { sql, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import type { ListPosition } from '../store.js';

/*
 * Keyset pagination over (created_at desc, id desc): a page starts strictly after the last row
 * of the previous one, so rows written meanwhile never shift or repeat what a client has seen.
 */

/** The rows after `position` in that order; for single-table queries over created_at and id. */
function after(position: ListPosition): RawBuilder<boolean> {
  const { createdAt, id } = position;
  return sql<boolean>`(${sql.ref('created_at')} < ${createdAt} or (${sql.ref('created_at')} = ${createdAt} and ${sql.ref('id')} < ${id}))`;
}

/** One page of `query` in that order: the rows after `filter.after`, as records. */
export async function newestFirstPage<DB, TB extends keyof DB, Row, T extends ListPosition>(
  query: SelectQueryBuilder<DB, TB, Row>,
  filter: { after?: ListPosition | undefined; limit: number },
  toRecord: (row: Row) => T,
): Promise<{ items: T[]; next: ListPosition | null }> {
  const page = filter.after ? query.where(after(filter.after)) : query;
  // One row more than the page says whether another page follows.
  const rows = await page
    .orderBy(sql.ref('created_at'), 'desc')
    .orderBy(sql.ref('id'), 'desc')
    .limit(filter.limit + 1)
    .execute();
  return pageOf(rows.map(toRecord), filter.limit);
}

/** The page out of the `limit + 1` rows fetched, and where the next page starts. */
function pageOf<T extends ListPosition>(rows: T[], limit: number): { items: T[]; next: ListPosition | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
