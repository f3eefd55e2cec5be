import { type CompiledEdge, type CompiledGraph, isListType } from '../graph/index.js';
import type { NodeState, SkipReason } from './states.js';
import { ownValue } from '../graph/index.js';

/**
 * Pure decisions over run state: which nodes can start, which can never run. No I/O, no clock;
 * results follow the graph's topological order (ties by node id) so runs are deterministic.
 */

type Liveness = 'live' | 'waiting' | { dead: SkipReason };

export type StateLookup = (nodeId: string) => NodeState;

function edgeLiveness(edge: CompiledEdge, state: StateLookup): Liveness {
  const source = state(edge.source);
  switch (source.status) {
    case 'COMPLETED':
      return ownValue(source.output, edge.sourcePort) === undefined ? { dead: 'branch_not_taken' } : 'live';
    case 'SKIPPED':
      return { dead: source.skipReason === 'branch_not_taken' ? 'branch_not_taken' : 'upstream_failed' };
    case 'FAILED':
    case 'CANCELLED':
      return { dead: 'upstream_failed' };
    default:
      return 'waiting';
  }
}

/**
 * A pending node can never run when an upstream failed, or when a port's every wire comes from
 * a branch not taken. A list port still runs on the wires that are live: that is how branches
 * merge back (docs/execution.md: untaken branches are SKIPPED, not failed).
 */
export function skipReason(nodeId: string, graph: CompiledGraph, state: StateLookup): SkipReason | undefined {
  const node = graph.byId.get(nodeId)!;
  const incoming = graph.incoming.get(nodeId) ?? [];
  let reason: SkipReason | undefined;
  for (const port of node.inputs) {
    const wires = incoming.filter((edge) => edge.targetPort === port.name).map((edge) => edgeLiveness(edge, state));
    if (wires.some((w) => typeof w === 'object' && w.dead === 'upstream_failed')) return 'upstream_failed';
    const branchDead = wires.filter((w) => typeof w === 'object').length;
    const allDead = wires.length > 0 && branchDead === wires.length;
    if (allDead || (branchDead > 0 && !isListType(port.type))) reason = 'branch_not_taken';
  }
  return reason;
}

/** Nodes `targetNodeId` needs: itself and every ancestor. */
export function ancestorsOf(target: string, graph: CompiledGraph): Set<string> {
  const needed = new Set<string>([target]);
  const stack = [target];
  while (stack.length > 0) {
    for (const edge of graph.incoming.get(stack.pop()!) ?? []) {
      if (!needed.has(edge.source)) {
        needed.add(edge.source);
        stack.push(edge.source);
      }
    }
  }
  return needed;
}
