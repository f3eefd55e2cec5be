import type { Violation } from '../graph/index.js';

/** One line per problem, where it is, and the fix when there is one. */
export function formatViolations(violations: readonly Violation<string>[], label: string): string[] {
  return violations.map((v) => {
    const where = [v.nodeId && `node ${v.nodeId}`, v.edgeId && `edge ${v.edgeId}`].filter(Boolean).join(', ');
    return `${label} [${v.rule}]${where ? ` (${where})` : ''}: ${v.message}${v.fix ? `\n    fix: ${v.fix}` : ''}`;
  });
}
