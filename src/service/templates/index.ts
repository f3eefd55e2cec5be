// Bundled workflow templates: loading them, and importing them into an account.

export { loadTemplates, TEMPLATE_TAG } from './load-templates.js';
export type { BundledTemplate } from './load-templates.js';
export { importTemplates } from './import-templates.js';
export type { ImportTemplatesOptions, ImportTemplatesResult } from './import-templates.js';
export { importTemplatesOnFirstStart } from './first-start.js';
export type { FirstStartTemplatesOptions } from './first-start.js';
export { accountPrincipal } from './account-principal.js';
