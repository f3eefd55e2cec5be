import { PipewrightError } from '../../errors/index.js';
import { dict } from '../../graph/index.js';
import type { Principal } from '../principal.js';
import type { PatchNodeBody } from '../wire/index.js';
import { checkBase, loadWorkflow, writeVersion, type WorkflowDeps } from './deps.js';
import { validateOrThrow } from './validate-or-throw.js';

type Json = Record<string, unknown>;

/** Changes one node and saves the whole graph as a new version, validated and guarded like a PUT. */
export async function patchWorkflowNode(
  deps: WorkflowDeps,
  principal: Principal,
  id: string,
  nodeId: string,
  patch: PatchNodeBody,
): Promise<{ node: unknown; updatedAt: string }> {
  const current = await loadWorkflow(deps, principal.accountId, id);
  const yourBase = patch.baseUpdatedAt;
  checkBase(current, yourBase);
  const nodes = current.nodes as Json[];
  const index = nodes.findIndex((node) => node.id === nodeId);
  const target = nodes[index];
  if (!target) throw new PipewrightError('not_found', `No node ${nodeId} in workflow ${id}`);
  const patched = nodes.with(index, patchNode(target, patch));
  const graph = validateOrThrow({ nodes: patched, edges: current.edges }, deps);
  const record = await writeVersion(deps, current, {
    content: { ...current, nodes: graph.nodes },
    note: `node ${nodeId} patched`,
    ...(yourBase !== undefined && { yourBase }),
  });
  const node = (graph.nodes as Json[]).find((candidate) => candidate.id === nodeId);
  return { node, updatedAt: record.updatedAt };
}

function patchNode(node: Json, patch: PatchNodeBody): Json {
  const data = { ...(node.data as Json) };
  if (patch.config) data.config = mergePatch(data.config, patch.config);
  if (patch.params) data.params = mergePatch(data.params, patch.params);
  if (patch.label !== undefined) data.label = patch.label;
  return { ...node, ...(patch.position && { position: patch.position }), data };
}

/** A shallow JSON merge patch: null deletes the key, any other value replaces it. */
function mergePatch(base: unknown, patch: Json): Json {
  const merged = dict(typeof base === 'object' && base !== null && !Array.isArray(base) ? Object.entries(base) : []);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
