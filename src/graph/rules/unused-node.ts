import type { Check } from '../context.js';
import type { Violation } from '../violation.js';
import { describeNode } from '../describe.js';

export const checkUnusedNodes: Check<'unused-node'> = (ctx) => {
  if (ctx.nodes.length < 2) return [];
  const linked = new Set(ctx.edges.flatMap((edge) => [edge.source.nodeId, edge.target.nodeId]));
  return ctx.nodes
    .filter((node) => !linked.has(node.id))
    .map(
      (node): Violation<'unused-node'> => ({
        rule: 'unused-node',
        message: `Node ${describeNode(node)} has no edges: it runs on its own and nothing reads its output`,
        nodeId: node.id,
        path: ['nodes', node.index],
      }),
    );
};
