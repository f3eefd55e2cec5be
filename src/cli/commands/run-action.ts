import { basename } from 'node:path';
import { createBackend, type Backend, type ExecutionDetail, followExecution, type LintResult } from '../../backend/index.js';
import { parseBody, ScratchExecuteBodySchema } from '../../service/index.js';
import { localBackendChoice } from '../backend-choice.js';
import { loadJsonFile } from '../load-json.js';
import { formatViolations } from '../format-violations.js';
import { progressView, type ProgressView } from '../progress.js';
import { EXIT, runExitCode } from '../exit-codes.js';
import { withFileUrls } from '../file-urls.js';
import { cancelOnInterrupt, type RunOptions, runRequest } from './run-request.js';

/**
 * `pipewright run <file>`: validates, then runs the graph as any execution runs — saved as a
 * scratch workflow in the store under PIPEWRIGHT_HOME, with its credits, cache and limits — on
 * this machine whatever PIPEWRIGHT_API_URL says, since a file's graph may read local files.
 * Progress goes to stderr as the nodes change.
 */
export async function runWorkflowFile(file: string, options: RunOptions): Promise<void> {
  const graph = await loadJsonFile(file);
  const env = process.env;
  const backend = await createBackend(localBackendChoice(env), env);
  try {
    if (!reportLint(file, await backend.validateWorkflow(graph))) {
      process.exitCode = EXIT.failed;
      return;
    }
    const { nodes, edges, name } = graph as { nodes: unknown[]; edges?: unknown[]; name?: unknown };
    const body = parseBody(ScratchExecuteBodySchema, {
      nodes,
      edges: edges ?? [],
      name: typeof name === 'string' ? name : basename(file),
      ...runRequest(options),
    });
    const { executionId } = await backend.executeWorkflow(undefined, body);
    const view = options.json ? undefined : progressView(process.stderr);
    const detail = await cancelOnInterrupt(backend, executionId, () => follow(backend, executionId, view).finally(() => view?.done()));
    await report(backend, detail, options.json === true);
    process.exitCode = runExitCode(detail.status);
  } finally {
    await backend.close();
  }
}

/** Warnings always; the violations and false when the graph cannot run. */
function reportLint(file: string, lint: LintResult): boolean {
  // A missing provider key refuses the run itself (naming the variables), and a dry run needs none.
  const warnings = lint.warnings.filter((warning) => warning.rule !== 'provider-not-configured');
  for (const line of formatViolations(warnings, 'warning')) process.stderr.write(`${line}\n`);
  if (lint.ok) return true;
  for (const line of formatViolations(lint.violations, 'error')) process.stderr.write(`${line}\n`);
  process.stderr.write(`${file}: ${lint.violations.length} violation(s); nothing ran\n`);
  return false;
}

/** Waits for the run to finish, showing the nodes each time one changes (its events say when); resolves with the stored record. */
async function follow(backend: Backend, executionId: string, view: ProgressView | undefined): Promise<ExecutionDetail> {
  await followExecution({
    backend,
    executionId,
    onNode: async () => {
      if (view !== undefined) view.update((await backend.getExecution(executionId)).nodes);
    },
  });
  return backend.getExecution(executionId);
}

async function report(backend: Backend, finished: ExecutionDetail, json: boolean): Promise<void> {
  const detail = await withFileUrls(finished, (id) => backend.artifactFileUrl(id));
  if (json) {
    // Nodes keyed by id, as a run of a file has always printed them.
    const nodes = Object.fromEntries(detail.nodes.map((node) => [node.nodeId, node]));
    process.stdout.write(`${JSON.stringify({ ...detail, nodes }, null, 2)}\n`);
    return;
  }
  const line = `${detail.status} in ${detail.durationMs ?? 0} ms · ${detail.credits} credit${detail.credits === 1 ? '' : 's'} · ${detail.id}`;
  process.stderr.write(detail.status === 'COMPLETED' ? `${line}\n` : `${line}\n${String(detail.error?.message ?? '')}\n`);
  for (const [name, value] of Object.entries(detail.finalOutput ?? {})) {
    process.stdout.write(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  }
}
