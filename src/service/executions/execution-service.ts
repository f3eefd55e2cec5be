import type { ExecutionService } from '../execution-contracts.js';
import { requireScope } from '../principal.js';
import { artifactFileUrl, readArtifact } from './artifact.js';
import { cancelExecution } from './cancel.js';
import { loadExecution, type ExecutionDeps } from './deps.js';
import { describeRun } from './describe-run.js';
import { estimateWorkflow } from './estimate-view.js';
import { executeWorkflow } from './execute.js';
import { listExecutions } from './list.js';
import { pollView } from './poll-view.js';
import { retryExecution } from './retry.js';
import { runWorkflow } from './run.js';
import { describeTrigger, triggerWebhook } from './trigger.js';
import { detailView } from './views.js';
import { rotateWebhook } from './webhook-rotate.js';

/**
 * Scope checks live here, once per use case. Reads come from the store, never from engine
 * memory, so any process on the same store answers the same. Every method is async so that a
 * refusal is a rejected promise.
 */
export function createExecutionService(deps: ExecutionDeps): ExecutionService {
  const execute = 'workflows:execute';
  const read = 'executions:read';
  const stored = async (accountId: string, id: string) => {
    const record = await loadExecution(deps, accountId, id);
    return { record, nodes: await deps.store.executions.nodes(id) };
  };
  return {
    async execute(principal, workflowId, body) {
      requireScope(principal, execute);
      return executeWorkflow(deps, principal, workflowId, body);
    },
    async describeRun(principal, workflowId) {
      requireScope(principal, 'workflows:read');
      return describeRun(deps, principal, workflowId);
    },
    async run(principal, workflowId, body) {
      requireScope(principal, execute);
      return runWorkflow(deps, principal, workflowId, body);
    },
    async estimate(principal, workflowId, body) {
      requireScope(principal, execute);
      return estimateWorkflow(deps, principal, workflowId, body);
    },
    async poll(principal, executionId) {
      requireScope(principal, read);
      const { record, nodes } = await stored(principal.accountId, executionId);
      return pollView(record, nodes);
    },
    async detail(principal, executionId) {
      requireScope(principal, read);
      const { record, nodes } = await stored(principal.accountId, executionId);
      return detailView(record, nodes);
    },
    async list(principal, query) {
      requireScope(principal, read);
      return listExecutions(deps, principal, query);
    },
    async cancel(principal, executionId) {
      requireScope(principal, execute);
      return cancelExecution(deps, principal, executionId);
    },
    async retry(principal, executionId) {
      requireScope(principal, execute);
      return retryExecution(deps, principal, executionId);
    },
    trigger: async (webhookId, body, options) => triggerWebhook(deps, webhookId, body, options),
    describeTrigger: async (webhookId) => describeTrigger(deps, webhookId),
    async rotateWebhook(principal, workflowId) {
      requireScope(principal, 'workflows:write');
      return rotateWebhook(deps, principal, workflowId);
    },
    async artifact(principal, artifactId) {
      requireScope(principal, read);
      return readArtifact(deps, principal, artifactId);
    },
    async artifactFile(principal, artifactId) {
      requireScope(principal, read);
      return artifactFileUrl(deps, principal, artifactId);
    },
    resumeUnfinished: () => deps.dispatcher.resumeUnfinished(),
    shutdown: () => deps.dispatcher.shutdown(),
  };
}
