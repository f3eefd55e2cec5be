import { createBackend, type Backend, executionViewerUrl, followExecution, type PollView } from '../../backend/index.js';
import { ExecuteBodySchema, parseBody } from '../../service/index.js';
import { cliBackendChoice } from '../backend-choice.js';
import { runExitCode } from '../exit-codes.js';
import { withFileUrls } from '../file-urls.js';
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
    // A server draws the run live in its viewer; a run on this machine's store has no server to show it.
    if (choice.kind === 'remote' && options.json !== true) process.stderr.write(`Watch it live: ${executionViewerUrl(choice.baseUrl, executionId)}\n`);
    const final = await cancelOnInterrupt(backend, executionId, () => follow(backend, executionId, options.json === true));
    await report(backend, executionId, final, options.json === true);
    process.exitCode = runExitCode(final.status);
  } finally {
    await backend.close();
  }
}

function follow(backend: Backend, executionId: string, quiet: boolean): Promise<PollView> {
  return followExecution({
    backend,
    executionId,
    onNode: (node) => {
      if (quiet) return;
      process.stderr.write(`${node.status.toLowerCase().padEnd(9)} ${node.nodeId}${node.error ? `: ${node.error}` : ''}\n`);
    },
  });
}

async function report(backend: Backend, executionId: string, final: PollView, json: boolean): Promise<void> {
  const fileUrl = (id: string) => backend.artifactFileUrl(id);
  if (json) {
    process.stdout.write(`${JSON.stringify(await withFileUrls(await backend.getExecution(executionId), fileUrl), null, 2)}\n`);
    return;
  }
  process.stderr.write(`${final.status} · ${executionId}${final.error ? `\n${final.error}` : ''}\n`);
  for (const [name, value] of Object.entries(await withFileUrls(final.finalOutput ?? {}, fileUrl))) {
    process.stdout.write(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  }
}
