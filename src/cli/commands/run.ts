import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { collectInput } from '../parse-inputs.js';
import type { RunOptions } from './run-request.js';

const WORKFLOW_ID = /^wf_[A-Za-z0-9]+$/;

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Run a workflow file, or a saved workflow by id, with live per-node progress; exit 0 only when it COMPLETED')
    .argument(
      '<file|workflowId>',
      'workflow JSON (a whole workflow or {nodes, edges}), or the id (wf_…) of a workflow saved in the store under PIPEWRIGHT_HOME (or on PIPEWRIGHT_API_URL)',
    )
    .option('-i, --input <node=value>', 'a value for an input node, by node id (repeatable)', collectInput, {})
    .option('--dry-run', 'run without calling any provider: model nodes return placeholders at zero credits')
    .option('--target <nodeId>', 'run only this node and the ancestors it needs')
    .option('--force', 'ignore cached node outputs')
    .option('--json', 'print the final execution state as JSON instead of a summary')
    .action(async (target: string, options: RunOptions) => {
      // A workflow id is what saved workflows are called; anything else is a path, so a missing file still says so.
      if (WORKFLOW_ID.test(target) && !existsSync(target)) return (await import('./run-saved.js')).runSavedWorkflow(target, options);
      return (await import('./run-action.js')).runWorkflowFile(target, options);
    });
}
