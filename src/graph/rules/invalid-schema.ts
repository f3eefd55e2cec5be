import type { z } from 'zod';
import { GraphSchema, WorkflowEdgeSchema, WorkflowNodeSchema } from '../schema.js';
import type { ParsedGraph } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { formatPath, toPath } from '../describe.js';

/**
 * The first stage: `GraphSchema` issues become `invalid-schema` violations. When the top level is
 * still usable (an object with a `nodes` array) the elements that do parse are handed on, so the
 * other rules still report on them; otherwise validation stops here.
 */
export function parseGraph(input: unknown): { violations: Violation<ViolationRule>[]; graph?: ParsedGraph } {
  const parsed = GraphSchema.safeParse(input);
  if (parsed.success) {
    const { nodes, edges, ...rest } = parsed.data;
    const graph: ParsedGraph = {
      rest,
      sent: { nodes: nodes.length, edges: edges.length },
      unparsedNodeIds: new Set(),
      nodes: nodes.map((node, index) => ({ index, node })),
      edges: edges.map((edge, index) => ({ index, edge })),
    };
    return { violations: [], graph };
  }
  const violations = parsed.error.issues.map((issue) => toViolation(issue, input));
  if (!isRecord(input) || !Array.isArray(input.nodes)) return { violations };
  const nodes = salvage(input.nodes, WorkflowNodeSchema).map(([index, node]) => ({ index, node }));
  const edges = salvage(input.edges, WorkflowEdgeSchema).map(([index, edge]) => ({ index, edge }));
  const sent = { nodes: input.nodes.length, edges: Array.isArray(input.edges) ? input.edges.length : 0 };
  const parsedIndexes = new Set(nodes.map(({ index }) => index));
  const unparsedNodeIds = new Set(input.nodes.flatMap((item, index) => (parsedIndexes.has(index) ? [] : idOf(item))));
  return { violations, graph: { rest: {}, sent, unparsedNodeIds, nodes, edges } };
}

function salvage<T>(items: unknown, schema: z.ZodType<T>): [number, T][] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, index): [number, T][] => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [[index, parsed.data]] : [];
  });
}

function toViolation(issue: z.core.$ZodIssue, input: unknown): Violation<ViolationRule> {
  const path = toPath(issue.path);
  const where = formatPath(path) || 'the graph';
  const nodeId = idAt(input, 'nodes', path);
  const edgeId = idAt(input, 'edges', path);
  const owner = nodeId !== undefined ? ` (node "${nodeId}")` : edgeId !== undefined ? ` (edge "${edgeId}")` : '';
  return {
    rule: 'invalid-schema',
    message: `${where}${owner}: ${issue.message}`,
    path,
    ...(nodeId !== undefined && { nodeId }),
    ...(edgeId !== undefined && { edgeId }),
  };
}

/** The id of the node or edge an issue path points into, when the request gave it a usable one. */
function idAt(input: unknown, list: 'nodes' | 'edges', path: (string | number)[]): string | undefined {
  if (path[0] !== list || typeof path[1] !== 'number' || !isRecord(input)) return undefined;
  const items = input[list];
  return Array.isArray(items) ? idOf(items[path[1]])[0] : undefined;
}

/** The usable id of a sent node or edge, as a zero- or one-element list. */
function idOf(item: unknown): string[] {
  return isRecord(item) && typeof item.id === 'string' && item.id !== '' ? [item.id] : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
