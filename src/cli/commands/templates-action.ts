import { resolve } from 'node:path';
import { accountPrincipal, importTemplates } from '../../service/index.js';
import { bundledTemplatesDir } from '../../skill/index.js';
import { withServices } from '../open-services.js';

export async function importTemplateFiles(flags: { dir?: string; json?: boolean }): Promise<void> {
  const dir = flags.dir === undefined ? bundledTemplatesDir() : resolve(flags.dir);
  const result = await withServices(process.env, async (services) =>
    importTemplates({ workflows: services.workflows, principal: accountPrincipal(await services.accounts.defaultAccountId()), dir }),
  );
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  for (const { id, name } of result.imported) process.stdout.write(`${id}  ${name}\n`);
  process.stderr.write(
    `Imported ${result.imported.length} template(s)` +
      (result.skipped.length > 0 ? `; skipped ${result.skipped.length} already imported: ${result.skipped.map((s) => s.name).join(', ')}` : '') +
      '.\n',
  );
}
