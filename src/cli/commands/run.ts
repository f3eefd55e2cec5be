import type { Command } from 'commander';
import { validateGraph } from '../../graph/index.js';
import type { ExecutionState } from '../../engine/index.js';
import { assertProvidersConfigured } from '../../nodes/model/index.js';
import { cliRuntime } from '../runtime.js';
import { loadJsonFile } from '../load-json.js';
import { collectInput } from '../parse-inputs.js';
import { formatViolations } from '../format-violations.js';
import { progressView } from '../progress.js';
import { EXIT } from '../exit-codes.js';

interface RunOptions {
  input: Record<string, string>;
  dryRun?: boolean;
  json?: boolean;
  force?: boolean;
  target?: string;
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run a workflow file with live per-node progress; exit 0 only when it COMPLETED')
    .argument('<file>', 'workflow JSON: a whole workflow or {nodes, edges}')
    .option('-i, --input <node=value>', 'a value for an input node, by node id (repeatable)', collectInput, {})
    .option('--dry-run', 'run without calling any provider: model nodes return placeholders at zero credits')
    .option('--target <nodeId>', 'run only this node and the ancestors it needs')
    .option('--force', 'ignore cached node outputs')
    .option('--json', 'print the final execution state as JSON instead of a summary')
    .action(async (file: string, options: RunOptions) => {
      const { registry, providers, engine } = cliRuntime();
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
      const state = await handle.result.finally(() => {
        process.off('SIGINT', interrupt);
        view?.done();
      });
      if (options.json) process.stdout.write(`${JSON.stringify(state, null, 2)}\n`);
      else printSummary(state);
      process.exitCode = state.status === 'COMPLETED' ? EXIT.ok : state.status === 'CANCELLED' ? EXIT.interrupted : EXIT.failed;
    });
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
