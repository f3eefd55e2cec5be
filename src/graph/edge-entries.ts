import type { Migration } from './violation.js';
import type { EdgeEnd, EdgeEntry, NodeEntry, ParsedGraph } from './context.js';
import { SIDES, handleFor, type Side } from './handles.js';
import { uniqueId } from './unique-id.js';

interface NodeLookup {
  byId: ReadonlyMap<string, NodeEntry>;
  unparsed: ReadonlySet<string>;
}

export function buildEdgeEntries(edges: ParsedGraph['edges'], nodes: NodeLookup): { entries: EdgeEntry[]; migrations: Migration[] } {
  const taken = new Set(edges.flatMap(({ edge }) => (edge.id === undefined ? [] : [edge.id])));
  const entries: EdgeEntry[] = [];
  const migrations: Migration[] = [];
  for (const { index, edge } of edges) {
    const source = resolveEnd('source', edge.source, edge.sourceHandle, nodes);
    const target = resolveEnd('target', edge.target, edge.targetHandle, nodes);
    const id = edge.id ?? uniqueId(derivedId(edge, source, target), taken);
    taken.add(id);
    if (edge.id === undefined) {
      const message = `Edge ${edge.source} → ${edge.target} had no id; derived "${id}"`;
      migrations.push({ edgeId: id, field: 'id', from: undefined, to: id, message });
    }
    const normalised = { ...edge, id };
    for (const end of [source, target]) {
      if (end.state.kind !== 'port' || !end.state.inferred) continue;
      const { field } = SIDES[end.side];
      normalised[field] = end.state.handle;
      migrations.push({
        edgeId: id,
        field,
        from: edge[field],
        to: end.state.handle,
        message: `Edge "${id}" had no ${field}; node "${end.nodeId}" has one ${SIDES[end.side].noun}, so it is "${end.state.handle}"`,
      });
    }
    entries.push({ index, id, edge: normalised, source, target });
  }
  return { entries, migrations };
}

/** A missing handle is inferred only when the node has exactly one port on that side. */
function resolveEnd(side: Side, nodeId: string, handle: string | null | undefined, nodes: NodeLookup): EdgeEnd {
  const node = nodes.byId.get(nodeId);
  const end = { side, nodeId, node };
  if (!node) return { ...end, state: { kind: nodes.unparsed.has(nodeId) ? 'unknown-ports' : 'no-node' } };
  if (!node.spec) return { ...end, state: { kind: 'unknown-ports' } };
  const ports = SIDES[side].ports(node.ports);
  const handles = ports.map((p) => handleFor(side, p.name));
  if (!handle) {
    const only = ports.length === 1 ? ports[0] : undefined;
    return only
      ? { ...end, state: { kind: 'port', port: only, handle: handleFor(side, only.name), inferred: true } }
      : { ...end, state: { kind: 'missing-handle', handles } };
  }
  const port = ports.find((p) => handleFor(side, p.name) === handle);
  return port ? { ...end, state: { kind: 'port', port, handle, inferred: false } } : { ...end, state: { kind: 'unknown-handle', handle, handles } };
}

/** Stable across saves: built from the endpoints, so the same edge always gets the same id. */
function derivedId(edge: ParsedGraph['edges'][number]['edge'], source: EdgeEnd, target: EdgeEnd): string {
  const handleOf = (end: EdgeEnd, sent: string | null | undefined) => (end.state.kind === 'port' ? end.state.handle : sent);
  return ['e', edge.source, handleOf(source, edge.sourceHandle), edge.target, handleOf(target, edge.targetHandle)].filter((part) => part).join('-');
}
