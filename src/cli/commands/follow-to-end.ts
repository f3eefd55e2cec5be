import { type Backend, type BackendChoice, executionViewerUrl, followExecution, type PollView } from '../../backend/index.js';
import { runExitCode } from '../exit-codes.js';
import { withFileUrls } from '../file-urls.js';

export interface FollowToEndOptions {
  json: boolean;
  /** Wraps the wait: `run` cancels its execution on Ctrl-C; `wait` only watches, so Ctrl-C just stops watching. */
  around?: (wait: () => Promise<PollView>) => Promise<PollView>;
}

/**
 * Follows an execution to its end — one line per node as it changes (its event stream, or polls
 * from a server without one) — then prints its outputs (or the stored record with --json) and sets
 * the exit code from its final status: what `run wf_…` and `wait ex_…` both show.
 */
export async function followToEnd(backend: Backend, choice: BackendChoice, executionId: string, options: FollowToEndOptions): Promise<void> {
  const { json, around = (wait) => wait() } = options;
  // A server draws the run live in its viewer; a run on this machine's store has no server to show it.
  if (choice.kind === 'remote' && !json) process.stderr.write(`Watch it live: ${executionViewerUrl(choice.baseUrl, executionId)}\n`);
  const final = await around(() => follow(backend, executionId, json));
  await report(backend, executionId, final, json);
  process.exitCode = runExitCode(final.status);
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
