import type { Check } from '../context.js';
import { describeEdge } from '../describe.js';
import { closestMatch, didYouMean } from '../suggest.js';

/** One violation per end that names no node; the fix is the nearest existing node id. */
export const checkDanglingEdges: Check = (ctx) => {
  const ids = [...ctx.nodeById.keys()];
  return ctx.edges.flatMap((edge) =>
    [edge.source, edge.target]
      .filter((end) => end.state.kind === 'no-node')
      .map((end) => ({
        rule: 'dangling-edge' as const,
        message: `Edge ${describeEdge(edge)}: ${end.side} node "${end.nodeId}" does not exist`,
        fix: didYouMean(closestMatch(end.nodeId, ids)),
        edgeId: edge.id,
        path: ['edges', edge.index, end.side],
      })),
  );
};
