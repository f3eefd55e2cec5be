import { sql, type RawBuilder } from 'kysely';
import type { ListPosition } from '../store.js';

/*
 * Keyset pagination over (created_at desc, id desc): a page starts strictly after the last row
 * of the previous one, so rows written meanwhile never shift or repeat what a client has seen.
 */

/** The rows after `position` in that order; for single-table queries over created_at and id. */
export function after(position: ListPosition): RawBuilder<boolean> {
  const { createdAt, id } = position;
  return sql<boolean>`(${sql.ref('created_at')} < ${createdAt} or (${sql.ref('created_at')} = ${createdAt} and ${sql.ref('id')} < ${id}))`;
}

/** The page out of the `limit + 1` rows fetched, and where the next page starts. */
export function pageOf<T extends ListPosition>(rows: T[], limit: number): { items: T[]; next: ListPosition | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null };
}
