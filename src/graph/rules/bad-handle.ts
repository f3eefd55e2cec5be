import type { Check, EdgeEnd, EdgeEntry } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { SIDES, handleFor, portPartOf } from '../handles.js';
import { describeEdge, describeNode, quoted, quotedList } from '../describe.js';
import { closestMatch, didYouMean } from '../suggest.js';

const RULE = { source: 'bad-source-handle', target: 'bad-target-handle' } as const;

/** `bad-source-handle`, `bad-target-handle`: a handle that names no port of the node's type. */
export const checkHandles: Check = (ctx) => ctx.edges.flatMap((edge) => [edge.source, edge.target].flatMap((end) => badHandle(edge, end)));

function badHandle(edge: EdgeEntry, end: EdgeEnd): Violation<ViolationRule>[] {
  const { state, node } = end;
  if (node === undefined || (state.kind !== 'missing-handle' && state.kind !== 'unknown-handle')) return [];
  const { field, noun } = SIDES[end.side];
  const owner = `node ${describeNode(node)}`;
  const oneOf = state.handles.length === 0 ? undefined : `${field} must be one of ${quotedList(state.handles)}`;
  const located = { edgeId: edge.id, path: ['edges', edge.index, field] };
  if (state.kind === 'missing-handle') {
    const count = state.handles.length === 0 ? `no ${noun}s` : `${state.handles.length} ${noun}s (${quotedList(state.handles)})`;
    const message = `Edge ${describeEdge(edge)} has no ${field}, and ${owner} has ${count}, so none can be inferred`;
    return [{ rule: RULE[end.side], message, fix: oneOf, ...located }];
  }
  // Compare port names, so `image` and `out-image` on a target both find `in-image`.
  const nearest = closestMatch(portPartOf(state.handle), state.handles.map(portPartOf));
  return [
    {
      rule: RULE[end.side],
      message: `Edge ${describeEdge(edge)}: ${field} ${quoted(state.handle)} is not an ${noun} of ${owner}; ${ports(state.handles, noun)}`,
      fix: nearest === undefined ? oneOf : didYouMean(handleFor(end.side, nearest)),
      ...located,
    },
  ];
}

function ports(handles: readonly string[], noun: string): string {
  return handles.length === 0 ? `it has no ${noun}s` : `its ${noun}s are ${quotedList(handles)}`;
}
