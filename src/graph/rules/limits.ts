import { GRAPH_LIMITS } from '../limits.js';
import type { ParsedGraph } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';

/**
 * `too-many-nodes`, `too-many-edges`. A graph over a limit gets no further checks: it must shrink
 * anyway, and the per-node rules' cost would grow with whatever size was sent.
 */
export function checkLimits(graph: ParsedGraph): Violation<ViolationRule>[] {
  const violations: Violation<ViolationRule>[] = [];
  if (graph.sent.nodes > GRAPH_LIMITS.maxNodes) {
    violations.push({
      rule: 'too-many-nodes',
      message: `The graph has ${graph.sent.nodes} nodes; the limit is ${GRAPH_LIMITS.maxNodes}`,
      path: ['nodes'],
    });
  }
  if (graph.sent.edges > GRAPH_LIMITS.maxEdges) {
    violations.push({
      rule: 'too-many-edges',
      message: `The graph has ${graph.sent.edges} edges; the limit is ${GRAPH_LIMITS.maxEdges}`,
      path: ['edges'],
    });
  }
  return violations;
}
