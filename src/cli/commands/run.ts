import type { Command } from 'commander';
import { collectInput } from '../parse-inputs.js';
import type { RunOptions } from './run-action.js';

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
    .action(async (file: string, options: RunOptions) => (await import('./run-action.js')).runWorkflowFile(file, options));
}
