import type { NodeCatalog } from './spec.js';
import type { Migration } from './violation.js';
import type { NodeEntry, ParsedGraph } from './context.js';
import { effectivePorts } from './effective-ports.js';
import { parseNodeConfig } from './node-config.js';

const NO_PORTS = { inputs: [], outputs: [] } as const;

export function buildNodeEntries(nodes: ParsedGraph['nodes'], catalog: NodeCatalog): { entries: NodeEntry[]; migrations: Migration[] } {
  const entries: NodeEntry[] = [];
  const migrations: Migration[] = [];
  for (const { index, node: sent } of nodes) {
    const spec = catalog.get(sent.data.nodeType);
    const { node, migration } = deriveCategory(sent, spec?.category);
    if (migration) migrations.push(migration);
    const config = node.data.config;
    const ports = spec ? effectivePorts(spec, config) : NO_PORTS;
    entries.push({
      index,
      id: node.id,
      nodeType: node.data.nodeType,
      node,
      spec,
      ports,
      config: spec ? parseNodeConfig(spec, ports, config) : undefined,
    });
  }
  return { entries, migrations };
}

/**
 * `data.category` belongs to the registry (docs/workflow-format.md): a missing one is filled without comment,
 * a wrong one is corrected and reported. An unknown type has no category to derive; it is left alone.
 */
function deriveCategory(node: NodeEntry['node'], category: string | undefined): { node: NodeEntry['node']; migration?: Migration } {
  const sent = node.data.category;
  if (category === undefined || sent === category) return { node };
  const fixed = { ...node, data: { ...node.data, category } };
  if (sent === undefined) return { node: fixed };
  return {
    node: fixed,
    migration: {
      nodeId: node.id,
      field: 'data.category',
      from: sent,
      to: category,
      message: `Node "${node.id}" (${node.data.nodeType}) had category "${sent}"; corrected to "${category}"`,
    },
  };
}
