import type { Command } from 'commander';

/** `templates import`: the bundled workflows into the account under PIPEWRIGHT_HOME, like `keys` does. */
export function registerTemplates(program: Command): void {
  const templates = program.command('templates').description('Manage the reusable workflow templates');

  templates
    .command('import')
    .description('Create the bundled templates as workflows tagged "template" in the account under PIPEWRIGHT_HOME; ones already there by name are skipped')
    .option('--dir <dir>', 'import the workflow JSON files of this folder instead of the bundled ones')
    .option('--json', 'print {imported, skipped} as JSON')
    .action(async (flags: { dir?: string; json?: boolean }) => (await import('./templates-action.js')).importTemplateFiles(flags));
}
