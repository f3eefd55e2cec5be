import { validateGraph } from '../../graph/index.js';
import { lintWarnings } from './lint-warnings.js';
import type { WorkflowService } from '../contracts.js';
import { type Principal, scopedUseCases } from '../principal.js';
import { loadWorkflow, workflowNotFound, type WorkflowDeps } from './deps.js';
import { duplicateWorkflow } from './duplicate.js';
import { getVersion, listVersions, restoreVersion } from './history.js';
import { listWorkflows } from './list.js';
import { patchWorkflowNode } from './patch-node.js';
import { createWorkflow, replaceWorkflow } from './save.js';
import { toWorkflowView } from './views.js';

/** Scope checks live here, once per use case; the use cases themselves assume an allowed caller. */
export function createWorkflowService(deps: WorkflowDeps): WorkflowService {
  const scoped = scopedUseCases(deps);
  const read = 'workflows:read';
  const write = 'workflows:write';
  return {
    list: scoped(read, listWorkflows),
    create: scoped(write, createWorkflow),
    get: scoped(read, getWorkflow),
    replace: scoped(write, replaceWorkflow),
    patchNode: scoped(write, patchWorkflowNode),
    delete: scoped(write, deleteWorkflow),
    duplicate: scoped(write, duplicateWorkflow),
    lint(body) {
      const result = validateGraph(body, deps.catalog);
      return { ok: result.ok, violations: result.violations, warnings: lintWarnings(result, deps) };
    },
    versions: scoped(read, listVersions),
    version: scoped(read, getVersion),
    restore: scoped(write, restoreVersion),
  };
}

async function getWorkflow(deps: WorkflowDeps, principal: Principal, id: string) {
  return toWorkflowView(await loadWorkflow(deps, principal.accountId, id), deps.links);
}

async function deleteWorkflow(deps: WorkflowDeps, principal: Principal, id: string) {
  if (!(await deps.store.workflows.softDelete(principal.accountId, id))) throw workflowNotFound(id);
  return { id, deleted: true as const };
}
