import { type CatalogEntry, localNodeListing, type NodeListing } from '../../backend/index.js';

export interface NodeCatalogOptions {
  json?: boolean;
  /** Also list old names (aliases), marked deprecated with the type they stand for. */
  includeAliases?: boolean;
}

/** `pipewright nodes`: the current node types by category, or as JSON (the shape of GET /nodes). */
export function printNodeCatalog(options: NodeCatalogOptions): void {
  const { nodes: catalog, modelOf } = localNodeListing(process.env);
  const listed = options.includeAliases ? catalog : catalog.filter((entry) => entry.deprecated !== true);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ nodes: listed }, null, 2)}\n`);
    return;
  }
  const aliases = aliasesByType(listed);
  for (const node of listed.filter((entry) => entry.aliasOf === undefined)) {
    process.stdout.write(describe(node, modelOf));
    for (const alias of aliases.get(node.nodeType) ?? []) process.stdout.write(describeAlias(alias));
  }
}

/** Aliases are printed under the type they stand for. */
function aliasesByType(catalog: readonly CatalogEntry[]): Map<string, CatalogEntry[]> {
  const aliases = new Map<string, CatalogEntry[]>();
  for (const entry of catalog) {
    if (entry.aliasOf !== undefined) aliases.set(entry.aliasOf, [...(aliases.get(entry.aliasOf) ?? []), entry]);
  }
  return aliases;
}

function describe(node: CatalogEntry, modelOf: NodeListing['modelOf']): string {
  const ins = node.inputs
    .filter((p) => p.isPort)
    .map((p) => `${p.id}:${p.type}${p.required ? '*' : ''}`)
    .join(' ');
  const outs = node.outputs.map((p) => `${p.id}:${p.type}`).join(' ');
  const model = modelOf(node.nodeType);
  const runsOn = model ? ` · ${model.provider} ${model.endpoint}${model.configured ? '' : ' (not configured)'}` : '';
  const lines = [
    `${node.nodeType.padEnd(36)} [${node.category}] ${node.cost} credit${node.cost === 1 ? '' : 's'}${runsOn}`,
    `    ${node.label}: ${node.description}`,
    `    in: ${ins || '—'}  out: ${outs || '—'}`,
  ];
  return `${lines.join('\n')}\n`;
}

function describeAlias(alias: CatalogEntry): string {
  const note = alias.deprecationNote === undefined ? '' : `\n    ${alias.deprecationNote}`;
  return `${alias.nodeType.padEnd(36)} [deprecated] alias of ${alias.aliasOf}${note}\n`;
}
