import { PipewrightError } from '../../errors/index.js';
import { EXECUTION_STATUSES } from '../../engine/index.js';
import type { Page } from '../contracts.js';
import type { ExecutionSummary } from '../execution-contracts.js';
import type { Principal } from '../principal.js';
import { decodeCursor, encodeCursor } from '../workflows/cursor.js';
import type { ExecutionDeps } from './deps.js';
import { summaryView } from './views.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

export interface ExecutionQuery {
  workflowId?: string;
  status?: string;
  limit?: number;
  cursor?: string;
}

/** `GET /workflows/executions`: newest first, filtered by workflow and status. */
export async function listExecutions(deps: ExecutionDeps, principal: Principal, query: ExecutionQuery): Promise<Page<ExecutionSummary>> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new PipewrightError('invalid_field', `limit must be an integer from 1 to ${MAX_LIMIT}`, { details: { field: 'limit' } });
  }
  if (query.status !== undefined && !(EXECUTION_STATUSES as readonly string[]).includes(query.status)) {
    throw new PipewrightError('invalid_field', `status must be one of ${EXECUTION_STATUSES.join(', ')}`, { details: { field: 'status' } });
  }
  const { items, next } = await deps.store.executions.list(principal.accountId, {
    limit,
    ...(query.workflowId !== undefined && { workflowId: query.workflowId }),
    ...(query.status !== undefined && { status: query.status }),
    ...(query.cursor !== undefined && { after: decodeCursor(query.cursor) }),
  });
  return { data: items.map(summaryView), nextCursor: next ? encodeCursor(next) : null };
}
