import { wireKey, type Check } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { handleFor } from '../handles.js';
import { describeNode, quoted } from '../describe.js';
import { ownValue } from '../user-keys.js';

/** A required input must be wired or set in `config[<port>]` (null counts as not set). */
export const checkRequiredInputs: Check = (ctx) =>
  ctx.nodes.flatMap((node) =>
    node.ports.inputs
      .filter((port) => port.required && !ctx.wired.has(wireKey(node.id, port.name)))
      .filter((port) => ownValue(node.node.data.config, port.name) == null)
      .map(
        (port): Violation<ViolationRule> => ({
          rule: 'missing-required-input',
          message: `Node ${describeNode(node)} needs input ${quoted(port.name)} (${port.type}): it is neither wired nor set in config`,
          fix: `connect an edge to ${quoted(handleFor('target', port.name))} or set \`config.${port.name}\``,
          nodeId: node.id,
          path: ['nodes', node.index, 'data', 'config', port.name],
        }),
      ),
  );
