import type { Check } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { uniqueId } from '../unique-id.js';

interface Item {
  index: number;
  id: string;
}

/** `duplicate-node-id`, `duplicate-edge-id`: every repeat after the first is reported. */
export const checkDuplicateIds: Check = (ctx) => [
  ...duplicates(ctx.nodes, 'nodes', (item, first, fix) => ({
    rule: 'duplicate-node-id',
    message: `Node id "${item.id}" is used by nodes[${first.index}] and nodes[${item.index}]; node ids must be unique`,
    fix,
    nodeId: item.id,
    path: ['nodes', item.index, 'id'],
  })),
  ...duplicates(ctx.edges, 'edges', (item, first, fix) => ({
    rule: 'duplicate-edge-id',
    message: `Edge id "${item.id}" is used by edges[${first.index}] and edges[${item.index}]; edge ids must be unique`,
    fix,
    edgeId: item.id,
    path: ['edges', item.index, 'id'],
  })),
];

type Report = (item: Item, first: Item, fix: string) => Violation<ViolationRule>;

function duplicates(items: readonly Item[], list: string, report: Report): Violation<ViolationRule>[] {
  const first = new Map<string, Item>();
  for (const item of items) if (!first.has(item.id)) first.set(item.id, item);
  const taken = new Set(first.keys());
  return items.flatMap((item) => {
    const original = first.get(item.id);
    if (original === undefined || original === item) return [];
    const rename = uniqueId(item.id, taken);
    taken.add(rename);
    return [report(item, original, `rename ${list}[${item.index}] to \`${rename}\``)];
  });
}
