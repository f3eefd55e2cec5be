import { type CatalogEntry, localNodeListing, type NodeListing } from '../../backend/index.js';

/** `pipewright nodes`: the catalog by category, or as JSON (the shape of GET /nodes). */
export function printNodeCatalog(options: { json?: boolean }): void {
  const { nodes: catalog, modelOf } = localNodeListing(process.env);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ nodes: catalog }, null, 2)}\n`);
    return;
  }
  const aliases = aliasesByType(catalog);
  for (const node of catalog.filter((entry) => entry.deprecated?.replacedBy === undefined)) {
    process.stdout.write(describe(node, aliases.get(node.nodeType) ?? [], modelOf));
  }
}

/** Aliases are listed under the type they stand for, not as types of their own. */
function aliasesByType(catalog: readonly CatalogEntry[]): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const { nodeType, deprecated } of catalog) {
    if (deprecated?.replacedBy !== undefined) aliases.set(deprecated.replacedBy, [...(aliases.get(deprecated.replacedBy) ?? []), nodeType]);
  }
  return aliases;
}

function describe(node: CatalogEntry, aliases: readonly string[], modelOf: NodeListing['modelOf']): string {
  const ins = node.inputs
    .filter((p) => p.isPort)
    .map((p) => `${p.id}:${p.type}${p.required ? '*' : ''}`)
    .join(' ');
  const outs = node.outputs.map((p) => `${p.id}:${p.type}`).join(' ');
  const model = modelOf(node.nodeType);
  const runsOn = model ? ` · ${model.provider} ${model.endpoint}${model.configured ? '' : ' (not configured)'}` : '';
  const lines = [
    `${node.nodeType.padEnd(36)} [${node.category}] ${node.cost} credits${runsOn}`,
    `    ${node.label}: ${node.description}`,
    `    in: ${ins || '—'}  out: ${outs || '—'}`,
    ...(aliases.length > 0 ? [`    aliases: ${aliases.join(', ')}`] : []),
  ];
  return `${lines.join('\n')}\n`;
}
