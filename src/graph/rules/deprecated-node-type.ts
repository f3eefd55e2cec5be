import type { Check } from '../context.js';
import type { Violation } from '../violation.js';
import { describeNode, quoted } from '../describe.js';

export const checkDeprecatedNodeTypes: Check<'deprecated-node-type'> = (ctx) =>
  ctx.nodes.flatMap((node): Violation<'deprecated-node-type'>[] => {
    const deprecated = node.spec?.deprecated;
    if (!deprecated) return [];
    const successor = deprecated.replacedBy ? ` (replaced by ${quoted(deprecated.replacedBy)})` : '';
    const why = deprecated.message ? `: ${deprecated.message}` : '';
    return [
      {
        rule: 'deprecated-node-type',
        message: `Node ${describeNode(node)} uses a deprecated node type${successor}${why}`,
        fix: deprecated.replacedBy ? `use ${quoted(deprecated.replacedBy)} instead` : undefined,
        nodeId: node.id,
        path: ['nodes', node.index, 'data', 'nodeType'],
      },
    ];
  });
