import type { WorkflowContent, WorkflowRecord } from '../../store/index.js';
import type { SaveResult } from '../contracts.js';
import type { Principal } from '../principal.js';
import type { SaveBody } from '../wire/index.js';
import { checkBase, loadWorkflow, writeVersion, type WorkflowDeps } from './deps.js';
import { validateOrThrow } from './validate-or-throw.js';
import { toWorkflowView } from './views.js';

type Envelope = Pick<WorkflowRecord, 'name' | 'description' | 'tags' | 'isActive'>;

const NEW_WORKFLOW: Envelope = { name: 'Untitled workflow', description: null, tags: [], isActive: true };

export async function createWorkflow(deps: WorkflowDeps, principal: Principal, body: SaveBody): Promise<SaveResult> {
  const graph = validateOrThrow(body, deps);
  const content = contentFrom(body, NEW_WORKFLOW, graph);
  const record = await deps.store.workflows.create({ accountId: principal.accountId, content, note: 'created' });
  return { workflow: toWorkflowView(record, deps.links), meta: graph.meta };
}

export async function replaceWorkflow(deps: WorkflowDeps, principal: Principal, id: string, body: SaveBody): Promise<SaveResult> {
  const current = await loadWorkflow(deps, principal.accountId, id);
  const yourBase = body.baseUpdatedAt;
  checkBase(current, yourBase);
  const graph = validateOrThrow(body, deps);
  const content = contentFrom(body, current, graph);
  const record = await writeVersion(deps, current, { content, note: 'updated', ...(yourBase !== undefined && { yourBase }) });
  return { workflow: toWorkflowView(record, deps.links), meta: graph.meta };
}

/** The body's fields where it sent them, `fallback`'s where it did not; the graph as validated. */
function contentFrom(body: SaveBody, fallback: Envelope, graph: { nodes: unknown[]; edges: unknown[] }): WorkflowContent {
  return {
    name: body.name ?? fallback.name,
    description: body.description === undefined ? fallback.description : body.description,
    tags: body.tags ?? fallback.tags,
    isActive: body.isActive ?? fallback.isActive,
    nodes: graph.nodes,
    edges: graph.edges,
  };
}
