import type { ExecutionService } from '../execution-contracts.js';
import { type Principal, scopedUseCases } from '../principal.js';
import type { ExecutionRecord, NodeRunRecord } from '../../store/index.js';
import type { ExecutionDetail } from '../wire/index.js';
import { artifactFileUrl, readArtifact } from './artifact.js';
import { cancelExecution } from './cancel.js';
import { loadExecution, type ExecutionDeps } from './deps.js';
import { describeRun } from './describe-run.js';
import { estimateWorkflow } from './estimate-view.js';
import { executeWorkflow } from './execute.js';
import { followEvents } from './follow-events.js';
import { listExecutions } from './list.js';
import { pollView } from './poll-view.js';
import { retryExecution } from './retry.js';
import { runWorkflow } from './run.js';
import { describeTrigger, triggerWebhook } from './trigger.js';
import { detailView } from './views.js';
import { rotateWebhook } from './webhook-rotate.js';

/**
 * Scope checks live here, once per use case. Reads come from the store, never from engine
 * memory, so any process on the same store answers the same.
 */
export function createExecutionService(deps: ExecutionDeps): ExecutionService {
  const scoped = scopedUseCases(deps);
  const execute = 'workflows:execute';
  const read = 'executions:read';
  return {
    execute: scoped(execute, executeWorkflow),
    describeRun: scoped('workflows:read', describeRun),
    run: scoped(execute, runWorkflow),
    estimate: scoped(execute, estimateWorkflow),
    poll: scoped(read, storedView(pollView)),
    events: scoped(read, followEvents),
    detail: scoped(read, executionDetail),
    list: scoped(read, listExecutions),
    cancel: scoped(execute, cancelExecution),
    retry: scoped(execute, retryExecution),
    trigger: async (webhookId, body, options) => triggerWebhook(deps, webhookId, body, options),
    describeTrigger: async (webhookId) => describeTrigger(deps, webhookId),
    rotateWebhook: scoped('workflows:write', rotateWebhook),
    artifact: scoped(read, readArtifact),
    artifactFile: scoped(read, artifactFileUrl),
    resumeUnfinished: () => deps.dispatcher.resumeUnfinished(),
    shutdown: () => deps.dispatcher.shutdown(),
  };
}

/** The full record of one of the caller's executions, with the completion callbacks it asked for. */
async function executionDetail(deps: ExecutionDeps, principal: Principal, executionId: string): Promise<ExecutionDetail> {
  const record = await loadExecution(deps, principal.accountId, executionId);
  const [nodes, callbacks] = [await deps.store.executions.nodes(executionId), await deps.store.callbacks.forExecution(executionId)];
  return detailView(record, nodes, callbacks);
}

/** A view of one of the caller's executions, as the store holds it. */
function storedView<View>(view: (record: ExecutionRecord, nodes: NodeRunRecord[]) => View) {
  return async (deps: ExecutionDeps, principal: Principal, executionId: string): Promise<View> => {
    const record = await loadExecution(deps, principal.accountId, executionId);
    return view(record, await deps.store.executions.nodes(executionId));
  };
}
