import { randomBytes } from 'node:crypto';
import { PipewrightError } from '../../errors/index.js';
import type { RunAccepted } from '../execution-contracts.js';
import type { Principal } from '../principal.js';
import { MAX_BATCH, type RunBody } from '../wire/index.js';
import { admit, type RunRequest } from './admission.js';
import { checkInputs } from './check-inputs.js';
import type { ExecutionDeps } from './deps.js';
import { prepareRun } from './prepare.js';

/**
 * `POST /workflows/{id}/run`: one input set, or an array of them as one batch. A batch is
 * checked whole — every set's inputs, the credits of all runs, the daily cap for all runs —
 * before any of it is recorded, and answers its runs in input order.
 */
export async function runWorkflow(deps: ExecutionDeps, principal: Principal, workflowId: string, request: RunBody): Promise<RunAccepted> {
  const sets = Array.isArray(request.inputs) ? request.inputs : [request.inputs ?? {}];
  if (Array.isArray(request.inputs) && (sets.length === 0 || sets.length > MAX_BATCH)) {
    throw new PipewrightError('invalid_field', `inputs holds ${sets.length} input sets; a batch takes 1 to ${MAX_BATCH}`, { details: { field: 'inputs' } });
  }
  const workflow = await deps.store.workflows.get(principal.accountId, workflowId);
  const prepared = await prepareRun(deps, workflow, { workflowId, version: request.version });
  sets.forEach((inputs, index) => withIndex(Array.isArray(request.inputs) ? index : undefined, () => checkInputs(prepared.graph, inputs)));
  const batchId = Array.isArray(request.inputs) ? `batch_${randomBytes(12).toString('base64url')}` : undefined;
  const options = request.dryRun === undefined ? {} : { dryRun: request.dryRun };
  const runs: RunRequest[] = sets.map((inputs) => ({ inputs, options, trigger: batchId ? 'batch' : 'run', ...(batchId && { batchId }) }));
  const records = await admit(deps, { accountId: principal.accountId, prepared, runs, callbackUrl: request.callbackUrl });
  const first = records[0]!;
  const status = first.status as RunAccepted['status'];
  const accepted: RunAccepted = { executionId: first.id, status, data: { executionId: first.id, status } };
  if (batchId === undefined) return accepted;
  return { ...accepted, batchId, executionRuns: records.map((record) => ({ id: record.id, status: record.status as RunAccepted['status'] })) };
}

/** Names the input set a batch error is about. */
function withIndex(index: number | undefined, check: () => void): void {
  try {
    check();
  } catch (error) {
    if (index === undefined || !(error instanceof PipewrightError)) throw error;
    throw new PipewrightError(error.code, `inputs[${index}]: ${error.message}`, { details: { ...error.details, index } });
  }
}
