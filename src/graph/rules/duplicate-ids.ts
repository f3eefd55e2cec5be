import type { Check } from '../context.js';
import type { Violation, ViolationRule } from '../violation.js';
import { uniqueId } from '../unique-id.js';

interface Item {
  index: number;
  id: string;
}

/** What differs between the two lists: the rule, the word for one item and the field naming it. */
const LISTS = {
  nodes: { rule: 'duplicate-node-id', noun: 'Node', field: 'nodeId' },
  edges: { rule: 'duplicate-edge-id', noun: 'Edge', field: 'edgeId' },
} as const;

/** `duplicate-node-id`, `duplicate-edge-id`: every repeat after the first is reported. */
export const checkDuplicateIds: Check = (ctx) => [...duplicates(ctx.nodes, 'nodes'), ...duplicates(ctx.edges, 'edges')];

function duplicates(items: readonly Item[], list: keyof typeof LISTS): Violation<ViolationRule>[] {
  const { rule, noun, field } = LISTS[list];
  const first = new Map<string, Item>();
  for (const item of items) if (!first.has(item.id)) first.set(item.id, item);
  const taken = new Set(first.keys());
  return items.flatMap((item) => {
    const original = first.get(item.id);
    if (original === undefined || original === item) return [];
    const rename = uniqueId(item.id, taken);
    taken.add(rename);
    const message = `${noun} id "${item.id}" is used by ${list}[${original.index}] and ${list}[${item.index}]; ${noun.toLowerCase()} ids must be unique`;
    return [{ rule, message, fix: `rename ${list}[${item.index}] to \`${rename}\``, [field]: item.id, path: [list, item.index, 'id'] }];
  });
}
