import type { Check, GraphContext } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { findCycle, topologicalOrder } from '../topo.js';
import { quotedList } from '../describe.js';

/**
 * One violation per cycle. After reporting a cycle its nodes are set aside and the rest searched
 * again, so separate cycles are all named, while nodes merely downstream of one are not blamed.
 */
export const checkCycles: Check = (ctx) => {
  const arcs = ctx.edges.filter((edge) => edge.source.node && edge.target.node).map((edge) => edge.edge);
  const violations: Violation<ViolationRule>[] = [];
  let suspects = topologicalOrder([...ctx.nodeById.keys()], arcs).unordered;
  for (let cycle = findCycle(suspects, arcs); cycle; cycle = findCycle(suspects, arcs)) {
    violations.push(report(ctx, cycle));
    const onCycle = new Set(cycle);
    suspects = topologicalOrder(
      suspects.filter((id) => !onCycle.has(id)),
      arcs,
    ).unordered;
  }
  return violations;
};

function report(ctx: GraphContext, cycle: string[]): Violation<ViolationRule> {
  const [first] = cycle as [string, ...string[]];
  const closing = cycle.map((id, i) => ({ source: id, target: cycle[(i + 1) % cycle.length] }));
  const edgeIds = closing.flatMap(({ source, target }) => {
    const edge = ctx.edges.find((e) => e.source.nodeId === source && e.target.nodeId === target);
    return edge ? [edge.id] : [];
  });
  return {
    rule: 'cycle',
    message: `The graph has a cycle: ${[...cycle, first].join(' → ')}`,
    fix: `remove one of the edges ${quotedList(edgeIds)}`,
    nodeId: first,
    path: ['edges'],
  };
}
