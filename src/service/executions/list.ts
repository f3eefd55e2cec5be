import type { Page } from '../contracts.js';
import type { Principal } from '../principal.js';
import type { ExecutionListQuery, ExecutionSummary } from '../wire/index.js';
import { decodeCursor, encodeCursor } from '../workflows/cursor.js';
import type { ExecutionDeps } from './deps.js';
import { summaryView } from './views.js';

const DEFAULT_LIMIT = 20;

/** `GET /workflows/executions`: newest first, filtered by workflow and status. */
export async function listExecutions(deps: ExecutionDeps, principal: Principal, query: ExecutionListQuery): Promise<Page<ExecutionSummary>> {
  const { items, next } = await deps.store.executions.list(principal.accountId, {
    limit: query.limit ?? DEFAULT_LIMIT,
    ...(query.workflowId !== undefined && { workflowId: query.workflowId }),
    ...(query.status !== undefined && { status: query.status }),
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
  });
  return { data: items.map(summaryView), nextCursor: next ? encodeCursor(next) : null };
}
