import type { Check, NodeEntry } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { GRAPH_LIMITS } from '../limits.js';
import { describeNode } from '../describe.js';

const KIB = 1024;

/** The per-node limit counts the UTF-8 bytes of the config as JSON, as it would be stored. */
export const checkConfigSizes: Check = (ctx) => ctx.nodes.flatMap(oversized);

function oversized(node: NodeEntry): Violation<ViolationRule>[] {
  const bytes = jsonBytes(node.node.data.config);
  const path = ['nodes', node.index, 'data', 'config'];
  if (bytes === undefined) {
    // Only reachable from in-process callers: a parsed request body is always serialisable.
    return [{ rule: 'invalid-config', message: `Node ${describeNode(node)}: config cannot be written as JSON`, nodeId: node.id, path }];
  }
  if (bytes <= GRAPH_LIMITS.maxConfigBytesPerNode) return [];
  return [
    {
      rule: 'config-too-large',
      message:
        `Node ${describeNode(node)}: config is ${(bytes / KIB).toFixed(1)} KiB of JSON; ` + `the limit is ${GRAPH_LIMITS.maxConfigBytesPerNode / KIB} KiB`,
      fix: 'store large values (images, documents) as URLs and pass the URL instead',
      nodeId: node.id,
      path,
    },
  ];
}

function jsonBytes(value: unknown): number | undefined {
  try {
    return new TextEncoder().encode(JSON.stringify(value)).length;
  } catch {
    return undefined;
  }
}
