import type { Command } from 'commander';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Run queued executions from the store under PIPEWRIGHT_HOME (or PIPEWRIGHT_DATABASE_URL), and take over those whose process died')
    .option('--concurrency <n>', 'executions this worker runs at once (default 200)')
    .action(async (flags: { concurrency?: string }) => (await import('./worker-action.js')).runWorker(flags));
}
