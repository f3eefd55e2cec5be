import { distance } from 'fastest-levenshtein';
import type { CompiledGraph } from '../graph/compiled.js';
import { PipewrightError } from '../errors/index.js';
import type { ExecuteRequest } from './contracts.js';

/** Checks what a caller asked for against the graph before anything runs or is recorded. */
export function checkRunRequest(request: ExecuteRequest): void {
  const { graph } = request;
  for (const nodeId of Object.keys(request.inputs ?? {})) {
    const node = graph.byId.get(nodeId);
    const inputIds = graph.nodes.filter((n) => n.spec.inputKey !== undefined).map((n) => n.id);
    if (node === undefined) {
      throw new PipewrightError('unknown_input', `No node "${nodeId}" to take an input${hint(nodeId, inputIds)}`, {
        details: { nodeId, inputNodes: inputIds },
      });
    }
    if (node.spec.inputKey === undefined) {
      throw new PipewrightError('not_an_input', `Node "${nodeId}" (${node.nodeType}) is not an input node; input nodes: ${inputIds.join(', ') || 'none'}`, {
        details: { nodeId, inputNodes: inputIds },
      });
    }
  }
  if (request.targetNodeId !== undefined && !graph.byId.has(request.targetNodeId)) {
    const ids = graph.nodes.map((n) => n.id);
    throw new PipewrightError('unknown_node', `targetNodeId "${request.targetNodeId}" is not a node of this graph${hint(request.targetNodeId, ids)}`, {
      details: { targetNodeId: request.targetNodeId },
    });
  }
}

function hint(wrong: string, candidates: readonly string[]): string {
  const best = [...candidates].sort((a, b) => distance(wrong, a) - distance(wrong, b))[0];
  if (best !== undefined && distance(wrong, best) <= Math.max(2, wrong.length / 3)) return `; did you mean "${best}"?`;
  return candidates.length > 0 ? `; input nodes: ${candidates.join(', ')}` : '';
}

export function settingsWithInput(graph: CompiledGraph, nodeId: string, inputs: Record<string, unknown> | undefined): Record<string, unknown> {
  const node = graph.byId.get(nodeId)!;
  const key = node.spec.inputKey;
  if (key === undefined || inputs === undefined || !(nodeId in inputs)) return node.settings;
  return { ...node.settings, [key]: inputs[nodeId] };
}
