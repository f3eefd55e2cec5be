// Where each node is drawn. A workflow's stored positions are used as they are; a graph whose
// positions are missing or stacked (made by hand or by an agent: every node at 0,0) is laid out
// in columns by depth instead, so it is still readable.

export interface WorkflowNode {
  id: string;
  type?: string;
  position?: { x: number; y: number };
  data?: { label?: string; nodeType?: string; [key: string]: unknown };
}

export interface WorkflowEdge {
  id: string;
  source: string;
  target: string;
  sourceHandle?: string | null;
  targetHandle?: string | null;
}

/** React Flow JSON as the API stores it (`GET /workflows/{id}`, `…/versions/{v}`). */
export interface WorkflowGraph {
  nodes: readonly WorkflowNode[];
  edges: readonly WorkflowEdge[];
}

export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 300;

export function positionsOf(graph: WorkflowGraph): Map<string, { x: number; y: number }> {
  const stored = new Map(graph.nodes.flatMap((node) => (node.position ? [[node.id, node.position] as const] : [])));
  const distinct = new Set([...stored.values()].map(({ x, y }) => `${x},${y}`));
  if (stored.size === graph.nodes.length && distinct.size === stored.size) return stored;
  return layered(graph);
}

/** Column = the longest path from a node without inputs; rows in graph order within a column. */
function layered(graph: WorkflowGraph): Map<string, { x: number; y: number }> {
  const ids = new Set(graph.nodes.map((node) => node.id));
  const depth = new Map(graph.nodes.map((node) => [node.id, 0]));
  // A DAG settles in at most n passes; the bound also ends the loop on a (refused, but drawn) cycle.
  for (let pass = 0; pass < graph.nodes.length; pass++) {
    let moved = false;
    for (const edge of graph.edges) {
      if (!ids.has(edge.source) || !ids.has(edge.target)) continue;
      const wanted = depth.get(edge.source)! + 1;
      if (wanted > depth.get(edge.target)!) {
        depth.set(edge.target, wanted);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const rows = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const node of graph.nodes) {
    const column = depth.get(node.id)!;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  }
  return positions;
}

/** The port a handle names (`out-image` → `image`), for edge labels. */
export function portOf(handle: string | null | undefined): string | undefined {
  if (!handle) return undefined;
  return handle.replace(/^(out|in)-/, '');
}
