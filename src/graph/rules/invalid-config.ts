import type { Check, NodeEntry } from '../context.js';
import type { ConfigIssue } from '../node-config.js';
import type { Violation, ViolationRule } from '../violation.js';
import { describeNode, formatPath, quoted, toPath } from '../describe.js';
import { closestMatch, didYouMean } from '../suggest.js';

/** Every zod issue in a node's config (settings, port values, common keys), located by path. */
export const checkConfigs: Check = (ctx) => ctx.nodes.flatMap((node) => (node.config?.issues ?? []).flatMap((issue) => toViolations(node, issue)));

function toViolations(node: NodeEntry, issue: ConfigIssue): Violation<ViolationRule>[] {
  const path = ['nodes', node.index, 'data', 'config', ...toPath(issue.path)];
  const located = { rule: 'invalid-config' as const, nodeId: node.id };
  if (issue.code !== 'unrecognized_keys') {
    const field = formatPath(['config', ...issue.path]);
    return [{ ...located, message: `Node ${describeNode(node)}: ${field}: ${issue.message}`, path }];
  }
  // Strict settings report unknown keys together; each is its own typo with its own suggestion.
  const allowed = node.config?.allowedKeys ?? [];
  return issue.keys.map((key) => ({
    ...located,
    message: `Node ${describeNode(node)}: ${quoted(formatPath(['config', ...issue.path, key]))} is not a setting of ${node.nodeType}`,
    fix: didYouMean(closestMatch(key, allowed)),
    path: [...path, key],
  }));
}
