import type { Principal } from '../principal.js';
import type { DuplicateBody } from '../wire/index.js';
import { loadWorkflow, type WorkflowDeps } from './deps.js';
import { contentOf } from './views.js';

/** A new workflow (new id, new webhook, its own history from v1) with the current content. */
export async function duplicateWorkflow(deps: WorkflowDeps, principal: Principal, id: string, { name }: DuplicateBody) {
  const source = await loadWorkflow(deps, principal.accountId, id);
  const content = { ...contentOf(source), name: name ?? copyName(source.name) };
  const copy = await deps.store.workflows.create({ accountId: principal.accountId, content, note: `duplicated from ${source.id}` });
  return { id: copy.id, name: copy.name, url: deps.links.workflow(copy.id) };
}

/** "<name> (copy)", kept within the 200 characters a name may have. */
function copyName(name: string): string {
  const suffix = ' (copy)';
  return `${name.slice(0, 200 - suffix.length)}${suffix}`;
}
