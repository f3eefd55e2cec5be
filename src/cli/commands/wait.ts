import type { Command } from 'commander';

export function registerWait(program: Command): void {
  program
    .command('wait')
    .description('Follow an execution already started (by run, the API, MCP or a trigger) to its end; exit 0 only when it COMPLETED')
    .argument('<executionId>', 'the execution (exec_…) in the store under PIPEWRIGHT_HOME, or on PIPEWRIGHT_API_URL')
    .option('--json', 'print the final execution record as JSON instead of its outputs')
    .action(async (executionId: string, options: { json?: boolean }) => (await import('./wait-action.js')).waitForRun(executionId, options));
}
