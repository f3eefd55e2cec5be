import type { EdgeEntry } from './context.js';

/** How messages name things, so every rule names them the same way. */

export function describeNode(node: { id: string; nodeType: string }): string {
  return `"${node.id}" (${node.nodeType})`;
}

export function describeEdge(edge: EdgeEntry): string {
  return `"${edge.id}" (${edge.source.nodeId} → ${edge.target.nodeId})`;
}

export function quoted(name: string): string {
  return `\`${name}\``;
}

export function quotedList(names: readonly string[]): string {
  return names.map(quoted).join(', ');
}

/** Zod paths may hold symbols; violation paths are JSON. */
export function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.map((key) => (typeof key === 'number' ? key : String(key)));
}

/** `["nodes", 2, "data", "config"]` → `nodes[2].data.config`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return toPath(path)
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join('');
}
