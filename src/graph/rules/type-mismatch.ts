import type { Check, EdgeEntry, NodeEntry } from '../context.js';
import type { PortSpec } from '../spec.js';
import type { Violation, ViolationRule } from '../violation.js';
import { connection } from '../ports.js';
import { handleFor } from '../handles.js';
import { describeEdge, describeNode, quoted } from '../describe.js';
import { didYouMean } from '../suggest.js';

/** An edge may only join compatible port types (`connection()` in ports.ts decides). */
export const checkTypeMismatches: Check = (ctx) => ctx.edges.flatMap(mismatch);

function mismatch(edge: EdgeEntry): Violation<ViolationRule>[] {
  const { source, target } = edge;
  if (source.state.kind !== 'port' || target.state.kind !== 'port' || !source.node || !target.node) return [];
  const from = source.state.port;
  const to = target.state.port;
  if (connection(from.type, to.type) !== false) return [];
  return [
    {
      rule: 'type-mismatch',
      message:
        `Edge ${describeEdge(edge)} joins ${quoted(source.state.handle)} (${from.type}) of node ${describeNode(source.node)} ` +
        `to ${quoted(target.state.handle)} (${to.type}) of node ${describeNode(target.node)}: ${from.type} cannot flow into ${to.type}`,
      fix: didYouMean(alternative(source.node, to, target.node, from)),
      edgeId: edge.id,
      path: ['edges', edge.index],
    },
  ];
}

/** A handle that would fit: another output of the source, else another input of the target. */
function alternative(sourceNode: NodeEntry, to: PortSpec, targetNode: NodeEntry, from: PortSpec): string | undefined {
  const output = sourceNode.ports.outputs.find((port) => connection(port.type, to.type) !== false);
  if (output) return handleFor('source', output.name);
  const input = targetNode.ports.inputs.find((port) => connection(from.type, port.type) !== false);
  return input ? handleFor('target', input.name) : undefined;
}
