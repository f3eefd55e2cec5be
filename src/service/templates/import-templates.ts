import type { WorkflowService } from '../contracts.js';
import type { Principal } from '../principal.js';
import { SaveBodySchema, parseBody } from '../wire/index.js';
import { loadTemplates, TEMPLATE_TAG } from './load-templates.js';

export interface ImportTemplatesOptions {
  workflows: WorkflowService;
  /** The account the templates are created in, with `workflows:read` and `workflows:write`. */
  principal: Principal;
  /** A folder of workflow JSON files (the bundled ones: `bundledTemplatesDir()`). */
  dir: string;
}

export interface ImportTemplatesResult {
  imported: Array<{ file: string; name: string; id: string }>;
  /** Already in the account: a workflow tagged `template` with the same name. */
  skipped: Array<{ file: string; name: string }>;
}

/**
 * Creates each template of `dir` in the account as a workflow tagged `template`, unless one with
 * that name and tag is already there — so importing again (or on every start) never duplicates,
 * and a template the user edited under its own name is left alone.
 */
export async function importTemplates(options: ImportTemplatesOptions): Promise<ImportTemplatesResult> {
  const { workflows, principal } = options;
  const existing = await templateNames(workflows, principal);
  const result: ImportTemplatesResult = { imported: [], skipped: [] };
  for (const { file, name, workflow } of await loadTemplates(options.dir)) {
    if (existing.has(name)) {
      result.skipped.push({ file, name });
      continue;
    }
    const tags = Array.isArray(workflow.tags) ? workflow.tags : [];
    const saved = await workflows.create(principal, parseBody(SaveBodySchema, { ...workflow, tags: [...new Set([TEMPLATE_TAG, ...tags])] }));
    existing.add(name);
    result.imported.push({ file, name, id: saved.workflow.id });
  }
  return result;
}

async function templateNames(workflows: WorkflowService, principal: Principal): Promise<Set<string>> {
  const names = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await workflows.list(principal, { tag: TEMPLATE_TAG, limit: 100, ...(cursor !== undefined && { cursor }) });
    for (const summary of page.data) names.add(summary.name);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return names;
}
