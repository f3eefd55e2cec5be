import { createBackend } from '../../backend/index.js';
import { cliBackendChoice } from '../backend-choice.js';
import { followToEnd } from './follow-to-end.js';

/**
 * `pipewright wait exec_…`: watches a run someone else started, by its event stream where the
 * server has one. Ctrl-C stops watching and leaves the run alone: it is not ours to cancel.
 */
export async function waitForRun(executionId: string, options: { json?: boolean }): Promise<void> {
  const env = process.env;
  const choice = cliBackendChoice(env);
  const backend = await createBackend(choice, env);
  try {
    await followToEnd(backend, choice, executionId, { json: options.json === true });
  } finally {
    await backend.close();
  }
}
