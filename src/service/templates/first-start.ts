import type { Services } from '../contracts.js';
import { accountPrincipal } from './account-principal.js';
import { importTemplates, type ImportTemplatesResult } from './import-templates.js';

export interface FirstStartTemplatesOptions {
  workflows: Services['workflows'];
  /** What `services.accounts.bootstrap()` answered. */
  bootstrap: { created: boolean; accountId: string };
  dir: string;
}

/**
 * Imports the bundled templates into the account the first start just created; on any later
 * start (`created: false`) it does nothing, so templates a user deleted stay deleted.
 */
export async function importTemplatesOnFirstStart(options: FirstStartTemplatesOptions): Promise<ImportTemplatesResult | undefined> {
  if (!options.bootstrap.created) return undefined;
  return importTemplates({ workflows: options.workflows, principal: accountPrincipal(options.bootstrap.accountId), dir: options.dir });
}
