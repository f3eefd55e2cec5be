import { wireKey, type Check, type EdgeEntry, type NodeEntry } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { isListType } from '../ports.js';
import { describeNode, quoted, quotedList } from '../describe.js';

interface Fanin {
  node: NodeEntry;
  handle: string;
  edges: EdgeEntry[];
}

/** A single-value input takes one edge; a list input collects any number (in edge order). */
export const checkMultipleEdgesIntoInput: Check = (ctx) => {
  const byInput = new Map<string, Fanin>();
  for (const edge of ctx.edges) {
    const { node, state } = edge.target;
    if (!node || state.kind !== 'port' || isListType(state.port.type)) continue;
    const key = wireKey(node.id, state.port.name);
    const fanin = byInput.get(key) ?? { node, handle: state.handle, edges: [] };
    fanin.edges.push(edge);
    byInput.set(key, fanin);
  }
  return [...byInput.values()].flatMap(report);
};

function report({ node, handle, edges }: Fanin): Violation<ViolationRule>[] {
  const surplus = edges[1];
  if (!surplus) return [];
  const ids = edges.map((edge) => edge.id);
  return [
    {
      rule: 'multiple-edges-into-input',
      message: `Input ${quoted(handle)} of node ${describeNode(node)} takes one value ` + `but ${edges.length} edges lead into it: ${quotedList(ids)}`,
      fix: `keep one of ${quotedList(ids)}, or merge the values before this node`,
      nodeId: node.id,
      edgeId: surplus.id,
      path: ['edges', surplus.index, 'targetHandle'],
    },
  ];
}
