import type { Check } from '../context.js';

/** Decided by the `output:` family as sent, so it holds even when the catalog lacks the type. */
export const checkHasOutput: Check<'no-output'> = (ctx) =>
  ctx.nodes.length === 0 || ctx.nodes.some((node) => node.nodeType.startsWith('output:'))
    ? []
    : [
        {
          rule: 'no-output',
          message: 'The graph has no `output:*` node, so a run marks none of its results as the final output',
          fix: 'wire the result you want into an `output:*` node',
          path: ['nodes'],
        },
      ];
