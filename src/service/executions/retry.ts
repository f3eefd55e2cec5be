import { PipewrightError } from '../../errors/index.js';
import { FINISHED_EXECUTION_STATUSES, type ExecutionStatus } from '../../engine/index.js';
import type { NodeRunRecord } from '../../store/index.js';
import type { ExecuteAccepted, RetryBody } from '../wire/index.js';
import type { Principal } from '../principal.js';
import { admit } from './admission.js';
import { loadExecution, type ExecutionDeps } from './deps.js';
import { prepareRun } from './prepare.js';
import { acceptedView } from './views.js';

/**
 * `POST /workflows/executions/{id}/retry`: a new execution of the same graph, inputs and options,
 * linked by `retryOf`, that keeps every completed node of the original and re-runs the rest.
 * It passes the same gate as any run (active workflow, credits for what re-runs, daily cap).
 */
export async function retryExecution(deps: ExecutionDeps, principal: Principal, executionId: string, request: RetryBody = {}): Promise<ExecuteAccepted> {
  const original = await loadExecution(deps, principal.accountId, executionId);
  if (!FINISHED_EXECUTION_STATUSES.has(original.status as ExecutionStatus)) {
    throw new PipewrightError('not_retryable', `Execution ${executionId} is still ${original.status}; retry it once it has finished`, {
      details: { status: original.status },
    });
  }
  const workflow = original.workflowId === null ? undefined : await deps.store.workflows.get(principal.accountId, original.workflowId);
  const { graph: inline, ...options } = original.options;
  const prepared = await prepareRun(deps, workflow, {
    workflowId: original.workflowId ?? '',
    ...(inline === undefined ? { version: original.workflowVersion ?? undefined } : inline),
  });
  const completed = (await deps.store.executions.nodes(original.id)).filter((node) => node.status === 'COMPLETED' && prepared.graph.byId.has(node.nodeId));
  const reuse: Record<string, NodeRunRecord> = Object.fromEntries(completed.map((node) => [node.nodeId, node]));
  const records = await admit(deps, {
    accountId: principal.accountId,
    prepared,
    runs: [{ inputs: original.inputs, options: { ...options, reuseFrom: original.id }, trigger: 'retry', retryOf: original.id }],
    reuse,
    callbackUrl: request.callbackUrl,
  });
  return acceptedView(records);
}
