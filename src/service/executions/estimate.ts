import { ancestorsOf } from '../../engine/index.js';
import { isListType, type CompiledGraph, type CompiledNode } from '../../graph/index.js';
import type { NodeRegistry } from '../../nodes/index.js';

export interface Estimate {
  credits: number;
  /** False when a node fans out over a list only known at run time: `credits` counts it once. */
  complete: boolean;
  fanOutNodes: string[];
  breakdown: Array<{ nodeId: string; nodeLabel: string; nodeType: string; credits: number }>;
}

export interface EstimateScope {
  targetNodeId?: string | undefined;
  dryRun?: boolean | undefined;
  /** Nodes whose outputs are reused (retry): they cost nothing again. */
  reused?: ReadonlySet<string>;
}

/**
 * Credits a run will cost: each node's `cost(settings)` for every node that will run. A list
 * wired into a single-item port runs the node once per item; the list's length is produced by
 * an upstream node at run time, so such nodes are counted once and named in `fanOutNodes`.
 */
export function estimateRun(graph: CompiledGraph, registry: NodeRegistry, scope: EstimateScope = {}): Estimate {
  const needed = scope.targetNodeId === undefined ? undefined : ancestorsOf(scope.targetNodeId, graph);
  const fansOut = fanOutNodes(graph);
  const breakdown: Estimate['breakdown'] = [];
  for (const node of graph.nodes) {
    if ((needed !== undefined && !needed.has(node.id)) || scope.reused?.has(node.id)) continue;
    const credits = scope.dryRun === true ? 0 : (registry.get(node.nodeType)?.cost(node.settings) ?? 0);
    breakdown.push({ nodeId: node.id, nodeLabel: node.label, nodeType: node.nodeType, credits });
  }
  const counted = new Set(breakdown.map((line) => line.nodeId));
  const fanOut = [...fansOut].filter((id) => counted.has(id));
  return {
    credits: breakdown.reduce((sum, line) => sum + line.credits, 0),
    complete: fanOut.length === 0,
    fanOutNodes: fanOut,
    breakdown,
  };
}

/** A node fans out when a list reaches one of its single-item ports, directly or from a node that fanned out. */
function fanOutNodes(graph: CompiledGraph): Set<string> {
  const fanning = new Set<string>();
  for (const node of graph.nodes) {
    const incoming = graph.incoming.get(node.id) ?? [];
    if (incoming.some((edge) => edge.connection === 'iterate' || (fanning.has(edge.source) && takesOneItem(node, edge.targetPort)))) fanning.add(node.id);
  }
  return fanning;
}

function takesOneItem(node: CompiledNode, port: string): boolean {
  const type = node.inputs.find((input) => input.name === port)?.type;
  return type !== undefined && !isListType(type) && type !== 'any' && type !== 'json';
}
