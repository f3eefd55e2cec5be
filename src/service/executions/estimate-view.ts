import type { Principal } from '../principal.js';
import type { EstimateView, ExecuteBody } from '../wire/index.js';
import { availableCredits } from './admission.js';
import { checkInputs } from './check-inputs.js';
import type { ExecutionDeps } from './deps.js';
import { estimateRun } from './estimate.js';
import { prepareRun } from './prepare.js';

/** `POST /workflows/{id}/estimate`: takes what execute takes, runs nothing, records nothing. */
export async function estimateWorkflow(deps: ExecutionDeps, principal: Principal, workflowId: string, request: ExecuteBody): Promise<EstimateView> {
  const workflow = await deps.store.workflows.get(principal.accountId, workflowId);
  const prepared = await prepareRun(deps, workflow, { workflowId, ...request });
  checkInputs(prepared.graph, request.inputs ?? {}, request.targetNodeId);
  const estimate = estimateRun(prepared.graph, deps.registry, request);
  const { available } = await availableCredits(deps.store, principal.accountId);
  return {
    estimatedCredits: estimate.credits,
    availableCredits: available,
    sufficient: estimate.credits <= available,
    estimateComplete: estimate.complete,
    fanOutNodes: estimate.fanOutNodes,
    breakdown: estimate.breakdown,
  };
}
