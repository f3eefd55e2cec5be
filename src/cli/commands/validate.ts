import type { Command } from 'commander';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Check a workflow file: every violation with its fix (exit 1 on violations, 2 when unreadable)')
    .argument('<file>', 'workflow JSON: a whole workflow or {nodes, edges}')
    .option('--json', 'print {ok, violations, warnings, migrations} as JSON')
    .action(async (file: string, options: { json?: boolean }) => (await import('./validate-action.js')).validateWorkflowFile(file, options));
}
