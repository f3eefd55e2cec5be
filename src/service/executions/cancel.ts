import { PipewrightError } from '../../errors/index.js';
import { FINISHED_EXECUTION_STATUSES, type ExecutionStatus } from '../../engine/index.js';
import type { Principal } from '../principal.js';
import { loadExecution, type ExecutionDeps } from './deps.js';

/**
 * `POST /workflows/executions/{id}/cancel` (202). A queued execution is CANCELLED at once; a
 * running one is aborted and answered once it settled (or after a short wait, still RUNNING).
 */
export async function cancelExecution(
  deps: ExecutionDeps,
  principal: Principal,
  executionId: string,
): Promise<{ executionId: string; status: ExecutionStatus }> {
  const record = await loadExecution(deps, principal.accountId, executionId);
  if (FINISHED_EXECUTION_STATUSES.has(record.status as ExecutionStatus)) throw notCancellable(executionId, record.status);
  await deps.dispatcher.cancel(record);
  const after = await loadExecution(deps, principal.accountId, executionId);
  return { executionId, status: after.status as ExecutionStatus };
}

function notCancellable(executionId: string, status: string): PipewrightError {
  return new PipewrightError('not_cancellable', `Execution ${executionId} is already ${status}`, { details: { status } });
}
