/** Just what ordering needs from an edge. Edges naming unknown nodes are ignored. */
export interface Arc {
  source: string;
  target: string;
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Kahn's algorithm. Among nodes that are ready together the smaller id goes first, so the order
 * depends on the graph and ids only — never on array order or canvas position.
 * `unordered` holds the nodes on a cycle or downstream of one (sorted); it is empty for a DAG.
 */
export function topologicalOrder(nodeIds: readonly string[], arcs: readonly Arc[]): { order: string[]; unordered: string[] } {
  const { ids, next } = adjacency(nodeIds, arcs);
  const indegree = new Map([...ids].map((id) => [id, 0]));
  for (const targets of next.values()) for (const t of targets) indegree.set(t, (indegree.get(t) ?? 0) + 1);
  const ready = [...ids].filter((id) => indegree.get(id) === 0).sort(compareIds);
  const order: string[] = [];
  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    order.push(id);
    for (const t of next.get(id) ?? []) {
      const left = (indegree.get(t) ?? 0) - 1;
      indegree.set(t, left);
      if (left === 0) insertSorted(ready, t);
    }
  }
  const placed = new Set(order);
  return { order, unordered: [...ids].filter((id) => !placed.has(id)).sort(compareIds) };
}

/**
 * A cycle among `nodeIds`, as the ids along it in edge direction, starting from its smallest id;
 * undefined when there is none. Search starts and branches go in id order, so the answer is stable.
 */
export function findCycle(nodeIds: readonly string[], arcs: readonly Arc[]): string[] | undefined {
  const { ids, next } = adjacency(nodeIds, arcs);
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (id: string): string[] | undefined => {
    const onPath = path.indexOf(id);
    if (onPath >= 0) return rotateToSmallest(path.slice(onPath));
    if (done.has(id)) return undefined;
    path.push(id);
    for (const t of [...(next.get(id) ?? [])].sort(compareIds)) {
      const cycle = visit(t);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(id);
    return undefined;
  };
  for (const id of [...ids].sort(compareIds)) {
    const cycle = visit(id);
    if (cycle) return cycle;
  }
  return undefined;
}

function adjacency(nodeIds: readonly string[], arcs: readonly Arc[]): { ids: Set<string>; next: Map<string, string[]> } {
  const ids = new Set(nodeIds);
  const next = new Map<string, string[]>();
  for (const { source, target } of arcs) {
    if (!ids.has(source) || !ids.has(target)) continue;
    const targets = next.get(source);
    if (targets) targets.push(target);
    else next.set(source, [target]);
  }
  return { ids, next };
}

function insertSorted(sorted: string[], id: string): void {
  const at = sorted.findIndex((other) => compareIds(id, other) < 0);
  sorted.splice(at < 0 ? sorted.length : at, 0, id);
}

function rotateToSmallest(cycle: string[]): string[] {
  const smallest = [...cycle].sort(compareIds)[0];
  const at = smallest === undefined ? 0 : cycle.indexOf(smallest);
  return [...cycle.slice(at), ...cycle.slice(0, at)];
}
