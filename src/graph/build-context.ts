import type { NodeCatalog } from './spec.js';
import { wireKey, type GraphContext, type NodeEntry, type ParsedGraph } from './context.js';
import { buildNodeEntries } from './node-entries.js';
import { buildEdgeEntries } from './edge-entries.js';

/** Everything the rules and the compiler share, worked out once: specs, ports, configs, edge ends. */
export function buildContext(parsed: ParsedGraph, catalog: NodeCatalog): GraphContext {
  const nodes = buildNodeEntries(parsed.nodes, catalog);
  const nodeById = new Map<string, NodeEntry>();
  for (const entry of nodes.entries) if (!nodeById.has(entry.id)) nodeById.set(entry.id, entry);
  const edges = buildEdgeEntries(parsed.edges, { byId: nodeById, unparsed: parsed.unparsedNodeIds });
  const wired = new Set<string>();
  for (const { target } of edges.entries) {
    if (target.state.kind === 'port') wired.add(wireKey(target.nodeId, target.state.port.name));
  }
  return {
    catalog,
    rest: parsed.rest,
    sent: parsed.sent,
    nodes: nodes.entries,
    edges: edges.entries,
    nodeById,
    wired,
    migrations: [...nodes.migrations, ...edges.migrations],
  };
}
