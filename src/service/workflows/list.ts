import type { Page } from '../contracts.js';
import type { Principal } from '../principal.js';
import type { WorkflowListQuery, WorkflowSummary } from '../wire/index.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { WorkflowDeps } from './deps.js';
import { toWorkflowSummary } from './views.js';

const DEFAULT_LIMIT = 20;

export async function listWorkflows(deps: WorkflowDeps, principal: Principal, query: WorkflowListQuery): Promise<Page<WorkflowSummary>> {
  const { items, next } = await deps.store.workflows.list(principal.accountId, {
    limit: query.limit ?? DEFAULT_LIMIT,
    ...(query.tag !== undefined && { tag: query.tag }),
    ...(query.isActive !== undefined && { isActive: query.isActive }),
    ...(query.q !== undefined && { q: query.q }),
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
  });
  return { data: items.map((item) => toWorkflowSummary(item, deps.links)), nextCursor: next && encodeCursor(next) };
}
