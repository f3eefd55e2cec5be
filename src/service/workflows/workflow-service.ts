import { validateGraph } from '../../graph/index.js';
import { lintWarnings } from './lint-warnings.js';
import type { WorkflowService } from '../contracts.js';
import { requireScope } from '../principal.js';
import { loadWorkflow, workflowNotFound, type WorkflowDeps } from './deps.js';
import { duplicateWorkflow } from './duplicate.js';
import { getVersion, listVersions, restoreVersion } from './history.js';
import { listWorkflows } from './list.js';
import { patchWorkflowNode } from './patch-node.js';
import { createWorkflow, replaceWorkflow } from './save.js';
import { toWorkflowView } from './views.js';

/**
 * Scope checks live here, once per use case; the use cases themselves assume an allowed caller.
 * Every method is async so that a refusal is a rejected promise, never a synchronous throw.
 */
export function createWorkflowService(deps: WorkflowDeps): WorkflowService {
  const read = 'workflows:read';
  const write = 'workflows:write';
  return {
    async list(principal, query) {
      requireScope(principal, read);
      return listWorkflows(deps, principal, query);
    },
    async create(principal, body) {
      requireScope(principal, write);
      return createWorkflow(deps, principal, body);
    },
    async get(principal, id) {
      requireScope(principal, read);
      return toWorkflowView(await loadWorkflow(deps, principal.accountId, id), deps.links);
    },
    async replace(principal, id, body) {
      requireScope(principal, write);
      return replaceWorkflow(deps, principal, id, body);
    },
    async patchNode(principal, id, nodeId, body) {
      requireScope(principal, write);
      return patchWorkflowNode(deps, principal, id, nodeId, body);
    },
    async delete(principal, id) {
      requireScope(principal, write);
      if (!(await deps.store.workflows.softDelete(principal.accountId, id))) throw workflowNotFound(id);
      return { id, deleted: true };
    },
    async duplicate(principal, id, body) {
      requireScope(principal, write);
      return duplicateWorkflow(deps, principal, id, body);
    },
    lint(body) {
      const result = validateGraph(body, deps.catalog);
      return { ok: result.ok, violations: result.violations, warnings: lintWarnings(result, deps) };
    },
    async versions(principal, id) {
      requireScope(principal, read);
      return listVersions(deps, principal, id);
    },
    async version(principal, id, version) {
      requireScope(principal, read);
      return getVersion(deps, principal, id, version);
    },
    async restore(principal, id, version) {
      requireScope(principal, write);
      return restoreVersion(deps, principal, id, version);
    },
  };
}
