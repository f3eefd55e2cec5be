import { createBackend } from '../../backend/index.js';
import { ExecuteBodySchema, parseBody } from '../../service/index.js';
import { cliBackendChoice } from '../backend-choice.js';
import { followToEnd } from './follow-to-end.js';
import { cancelOnInterrupt, type RunOptions, runRequest } from './run-request.js';

/**
 * `pipewright run wf_…`: runs a saved workflow through the same backend `pipewright mcp` uses —
 * the store under PIPEWRIGHT_HOME, or a remote API when PIPEWRIGHT_API_URL and _KEY are set —
 * printing each node as its state changes (plain lines), as the execution's event stream tells
 * it — or, from a server without the stream, as polls find it.
 */
export async function runSavedWorkflow(workflowId: string, options: RunOptions): Promise<void> {
  const env = process.env;
  const choice = cliBackendChoice(env);
  const backend = await createBackend(choice, env);
  try {
    const { executionId } = await backend.executeWorkflow(workflowId, parseBody(ExecuteBodySchema, runRequest(options)));
    await followToEnd(backend, choice, executionId, { json: options.json === true, around: (wait) => cancelOnInterrupt(backend, executionId, wait) });
  } finally {
    await backend.close();
  }
}
