import type { Principal } from '../principal.js';
import type { ExecuteAccepted, ExecuteBody } from '../wire/index.js';
import { admit } from './admission.js';
import { checkInputs } from './check-inputs.js';
import type { ExecutionDeps } from './deps.js';
import { prepareRun } from './prepare.js';
import { acceptedView } from './views.js';

/** `POST /workflows/{id}/execute`: the saved graph, a past version or an inline graph. */
export async function executeWorkflow(deps: ExecutionDeps, principal: Principal, workflowId: string, request: ExecuteBody): Promise<ExecuteAccepted> {
  const workflow = await deps.store.workflows.get(principal.accountId, workflowId);
  const prepared = await prepareRun(deps, workflow, { workflowId, ...request });
  const inputs = request.inputs ?? {};
  checkInputs(prepared.graph, inputs, request.targetNodeId);
  const { targetNodeId, force, dryRun } = request;
  const options = { ...(targetNodeId && { targetNodeId }), ...(force !== undefined && { force }), ...(dryRun !== undefined && { dryRun }) };
  const runs = [{ inputs, options, trigger: 'execute' as const }];
  const records = await admit(deps, { accountId: principal.accountId, prepared, runs, callbackUrl: request.callbackUrl });
  return acceptedView(records);
}
