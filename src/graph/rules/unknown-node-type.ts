import type { Check } from '../context.js';
import { closestMatch, didYouMean } from '../suggest.js';

export const checkUnknownNodeTypes: Check = (ctx) => {
  const known = ctx.catalog.list().map((spec) => spec.nodeType);
  return ctx.nodes
    .filter((node) => node.spec === undefined)
    .map((node) => ({
      rule: 'unknown-node-type',
      message: `Node "${node.id}" has unknown nodeType "${node.nodeType}"`,
      fix: didYouMean(closestMatch(node.nodeType, known)),
      nodeId: node.id,
      path: ['nodes', node.index, 'data', 'nodeType'],
    }));
};
