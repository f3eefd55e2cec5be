import { PipewrightError } from '../../errors/index.js';
import type { ListQuery, Page, WorkflowSummary } from '../contracts.js';
import type { Principal } from '../principal.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { WorkflowDeps } from './deps.js';
import { toWorkflowSummary } from './views.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export async function listWorkflows(deps: WorkflowDeps, principal: Principal, query: ListQuery): Promise<Page<WorkflowSummary>> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new PipewrightError('invalid_field', `limit must be a whole number from 1 to ${MAX_LIMIT}`, { details: { field: 'limit' } });
  }
  const { items, next } = await deps.store.workflows.list(principal.accountId, {
    limit,
    ...(query.tag !== undefined && { tag: query.tag }),
    ...(query.isActive !== undefined && { isActive: query.isActive }),
    ...(query.q !== undefined && { q: query.q }),
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
  });
  return { data: items.map((item) => toWorkflowSummary(item, deps.links)), nextCursor: next && encodeCursor(next) };
}
