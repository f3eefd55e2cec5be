import { resolve } from 'node:path';
import type { Command } from 'commander';
import { accountPrincipal, importTemplates } from '../../service/templates/index.js';
import { bundledTemplatesDir } from '../../skill/index.js';
import { withServices } from '../open-services.js';

/** `templates import`: the bundled workflows into the account under PIPEWRIGHT_HOME, like `keys` does. */
export function registerTemplates(program: Command): void {
  const templates = program.command('templates').description('Manage the reusable workflow templates');

  templates
    .command('import')
    .description('Create the bundled templates as workflows tagged "template" in the account under PIPEWRIGHT_HOME; ones already there by name are skipped')
    .option('--dir <dir>', 'import the workflow JSON files of this folder instead of the bundled ones')
    .option('--json', 'print {imported, skipped} as JSON')
    .action(async (flags: { dir?: string; json?: boolean }) => {
      const dir = flags.dir === undefined ? bundledTemplatesDir() : resolve(flags.dir);
      const result = await withServices(process.env, async (services) =>
        importTemplates({ workflows: services.workflows, principal: accountPrincipal(await services.accounts.defaultAccountId()), dir }));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      for (const { id, name } of result.imported) process.stdout.write(`${id}  ${name}\n`);
      process.stderr.write(`Imported ${result.imported.length} template(s)` +
        (result.skipped.length > 0 ? `; skipped ${result.skipped.length} already imported: ${result.skipped.map((s) => s.name).join(', ')}` : '') + '.\n');
    });
}
