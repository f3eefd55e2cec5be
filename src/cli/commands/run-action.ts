import { validateGraph } from '../../graph/index.js';
import type { ExecutionState } from '../../engine/index.js';
import { assertProvidersConfigured } from '../../nodes/model/index.js';
import { cliRuntime } from '../runtime.js';
import { loadJsonFile } from '../load-json.js';
import { formatViolations } from '../format-violations.js';
import { progressView } from '../progress.js';
import { EXIT } from '../exit-codes.js';
import { withFileUrls } from '../file-urls.js';

export interface RunOptions {
  input: Record<string, string>;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  target?: string;
}

/** `pipewright run <file>`: validates, refuses unconfigured providers, runs with progress on stderr. */
export async function runWorkflowFile(file: string, options: RunOptions): Promise<void> {
  const { registry, providers, engine, artifacts } = cliRuntime();
  const validation = validateGraph(await loadJsonFile(file), registry);
  for (const line of formatViolations(validation.warnings, 'warning')) process.stderr.write(`${line}\n`);
  if (!validation.ok || validation.graph === undefined) {
    for (const line of formatViolations(validation.violations, 'error')) process.stderr.write(`${line}\n`);
    process.stderr.write(`${file}: ${validation.violations.length} violation(s); nothing ran\n`);
    process.exitCode = EXIT.failed;
    return;
  }
  // Refuse before anything runs (or is paid for); the error names the variables to set (exit 2).
  if (options.dryRun !== true) assertProvidersConfigured(validation.graph, registry, providers);
  const view = options.json ? undefined : progressView(process.stderr);
  const handle = engine.execute({
    graph: validation.graph,
    inputs: options.input,
    dryRun: options.dryRun === true,
    force: options.force === true,
    ...(options.target === undefined ? {} : { targetNodeId: options.target }),
    ...(view === undefined ? {} : { onEvent: view.onEvent }),
  });
  const interrupt = () => handle.cancel();
  process.once('SIGINT', interrupt);
  const finished = await handle.result.finally(() => {
    process.off('SIGINT', interrupt);
    view?.done();
  });
  const state = await withFileUrls(finished, (id) => artifacts.fileUrl(id));
  if (options.json) process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
  else printSummary(state);
  process.exitCode = state.status === 'COMPLETED' ? EXIT.ok : state.status === 'CANCELLED' ? EXIT.interrupted : EXIT.failed;
}

function printSummary(state: ExecutionState): void {
  const line = `${state.status} in ${state.durationMs ?? 0} ms · ${state.credits} credits · ${state.executionId}`;
  if (state.status !== 'COMPLETED') process.stderr.write(`${line}\n${state.error?.message ?? ''}\n`);
  else process.stderr.write(`${line}\n`);
  const outputs = Object.entries(state.finalOutput ?? {});
  for (const [name, value] of outputs) {
    process.stdout.write(`${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}\n`);
  }
}
