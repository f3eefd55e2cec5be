import { PipewrightError } from '../../errors/index.js';
import { dict, type CompiledGraph } from '../../graph/index.js';
import type { WorkflowRecord } from '../../store/index.js';
import { MAX_TRIGGER_BYTES, type TriggerBody } from '../wire/index.js';
import { admit } from './admission.js';
import { checkInputs } from './check-inputs.js';
import type { ExecutionDeps } from './deps.js';
import { prepareRun } from './prepare.js';

/**
 * `POST /workflow/{webhookId}/trigger`, no key: the webhook id is the credential. The JSON object
 * sent becomes `triggerData` and fills input nodes by node id or, failing that, by label
 * (case-insensitive). The run counts against the owner's credits and daily cap. A `callbackUrl`
 * sends the run's outputs to whoever holds the webhook URL, so the operator may refuse it
 * (`PIPEWRIGHT_TRIGGER_CALLBACKS=off`, docs/security.md).
 */
export async function triggerWebhook(
  deps: ExecutionDeps,
  webhookId: string,
  data: TriggerBody,
  options: { beforeStart?: () => Promise<void>; callbackUrl?: string | undefined } = {},
): Promise<{ executionId: string; status: 'queued'; message: string }> {
  checkSize(data);
  const workflow = await findWebhook(deps, webhookId);
  if (options.callbackUrl !== undefined && !deps.triggerCallbacks) {
    throw new PipewrightError('invalid_field', 'This server takes no callbackUrl on webhook triggers (PIPEWRIGHT_TRIGGER_CALLBACKS=off)', {
      details: { field: 'callbackUrl' },
    });
  }
  const prepared = await prepareRun(deps, workflow, { workflowId: workflow.id });
  const inputs = inputsFrom(prepared.graph, data);
  checkInputs(prepared.graph, inputs);
  const runs = [{ inputs, options: { triggerData: data }, trigger: 'webhook' as const }];
  const admission = { accountId: workflow.accountId, prepared, runs, callbackUrl: options.callbackUrl };
  const [record] = await admit(deps, { ...admission, ...(options.beforeStart && { beforeRecord: options.beforeStart }) });
  return { executionId: record!.id, status: 'queued', message: 'Workflow execution started' };
}

export async function describeTrigger(
  deps: ExecutionDeps,
  webhookId: string,
): Promise<{ workflowId: string; name: string; isActive: boolean; message: string }> {
  const workflow = await findWebhook(deps, webhookId);
  const message = workflow.isActive
    ? 'POST a JSON object to this URL to run the workflow'
    : 'This workflow is inactive; a POST here is refused until it is activated';
  return { workflowId: workflow.id, name: workflow.name, isActive: workflow.isActive, message };
}

/** Unknown, rotated-away and deleted ids read the same, and say nothing about why. */
async function findWebhook(deps: ExecutionDeps, webhookId: string): Promise<WorkflowRecord> {
  const workflow = await deps.store.workflows.findByWebhook(webhookId);
  if (workflow === undefined) throw new PipewrightError('not_found', 'Not found');
  return workflow;
}

function checkSize(data: TriggerBody): void {
  const size = Buffer.byteLength(JSON.stringify(data));
  if (size > MAX_TRIGGER_BYTES) {
    throw new PipewrightError('body_too_large', `A webhook body may hold ${MAX_TRIGGER_BYTES} bytes; this one has ${size}`, {
      details: { limit: MAX_TRIGGER_BYTES },
    });
  }
}

/** An input node takes the body's key equal to its id, else the one equal to its label in any case. */
function inputsFrom(graph: CompiledGraph, data: Record<string, unknown>): Record<string, unknown> {
  const byLabel = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]));
  const inputs = dict();
  for (const node of graph.nodes) {
    if (node.spec.inputKey === undefined) continue;
    const value = Object.hasOwn(data, node.id) ? data[node.id] : byLabel.get(node.label.toLowerCase());
    if (value !== undefined) inputs[node.id] = value;
  }
  return inputs;
}
