import { workflowNotFound } from '../workflows/deps.js';
import type { Principal } from '../principal.js';
import type { ExecutionDeps } from './deps.js';

/** `POST /workflows/{id}/webhook/rotate`: the old id stops resolving at once. */
export async function rotateWebhook(
  deps: ExecutionDeps,
  principal: Principal,
  workflowId: string,
): Promise<{ workflowId: string; webhookId: string; webhookUrl: string }> {
  const workflow = await deps.store.workflows.rotateWebhook(principal.accountId, workflowId);
  if (workflow === undefined) throw workflowNotFound(workflowId);
  return { workflowId: workflow.id, webhookId: workflow.webhookId, webhookUrl: deps.links.webhook(workflow.webhookId) };
}
