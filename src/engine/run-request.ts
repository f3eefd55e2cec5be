import { type CompiledGraph, closestMatch } from '../graph/index.js';
import { PipewrightError } from '../errors/index.js';
import { dict } from '../graph/index.js';
import type { ExecuteRequest } from './contracts.js';

/** Checks what a caller asked for against the graph before anything runs or is recorded. */
export function checkRunRequest(request: ExecuteRequest): void {
  const { graph } = request;
  const inputIds = graph.nodes.filter((n) => n.spec.inputKey !== undefined).map((n) => n.id);
  for (const nodeId of Object.keys(request.inputs ?? {})) {
    const node = graph.byId.get(nodeId);
    if (node === undefined) {
      throw new PipewrightError('unknown_input', `No node "${nodeId}" to take an input${hint(nodeId, inputIds, 'input nodes')}`, {
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
    throw new PipewrightError('unknown_node', `targetNodeId "${request.targetNodeId}" is not a node of this graph${hint(request.targetNodeId, ids, 'nodes')}`, {
      details: { targetNodeId: request.targetNodeId },
    });
  }
}

function hint(wrong: string, candidates: readonly string[], what: string): string {
  const best = closestMatch(wrong, candidates);
  if (best !== undefined) return `; did you mean "${best}"?`;
  return candidates.length > 0 ? `; ${what}: ${candidates.join(', ')}` : '';
}

export function settingsWithInput(graph: CompiledGraph, nodeId: string, inputs: Record<string, unknown> | undefined): Record<string, unknown> {
  const node = graph.byId.get(nodeId)!;
  const key = node.spec.inputKey;
  if (key === undefined || inputs === undefined || !Object.hasOwn(inputs, nodeId)) return node.settings;
  return Object.assign(dict(), node.settings, { [key]: inputs[nodeId] });
}
