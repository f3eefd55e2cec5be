import { INPUT_NODE, OFFLINE_PIPELINE, HTTP_WAIT, type BenchWorkflow } from '../support/workflows.js';
import type { ApiClient } from './client.js';
import { waitCompleted, type StartedRun } from './execution-state.js';

export interface Seeded {
  /** The offline pipeline's id. */
  pipelineId: string;
  /** The URL-waiting workflow's id. */
  waitId: string;
  /** A COMPLETED execution of the pipeline, for the poll figures. */
  completedId: string;
}

/** `POST /workflows/{id}/run` body of the offline pipeline. */
export const RUN_BODY = { inputs: { [INPUT_NODE]: 'teapots' } };

const create = async (api: ApiClient, workflow: BenchWorkflow) => (await api.post<{ data: { id: string } }>('/workflows', workflow)).data.id;

/**
 * Creates both workflows and runs the pipeline once to the end, so a wrong key, scope, body or
 * graph fails here in a second rather than as ten seconds of errors.
 */
export async function seedWorkflows(api: ApiClient): Promise<Seeded> {
  const pipelineId = await create(api, OFFLINE_PIPELINE);
  const waitId = await create(api, HTTP_WAIT);
  const { executionId } = await api.post<StartedRun>(`/workflows/${pipelineId}/run`, RUN_BODY);
  await waitCompleted(api, executionId, { intervalMs: 10, timeoutMs: 30_000 });
  return { pipelineId, waitId, completedId: executionId };
}
