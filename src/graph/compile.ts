import { PipewrightError } from '../errors/index.js';
import { wireKey, type EdgeEntry, type GraphContext, type NodeEntry } from './context.js';
import type { CompiledEdge, CompiledGraph, CompiledNode } from './compiled.js';
import type { Graph } from './schema.js';
import { connection } from './ports.js';
import { topologicalOrder } from './topo.js';

/**
 * The engine's view of a graph that passed every rule. Called on anything else it throws a bug
 * error: the rules are what guarantee each node has a type and each edge two ports.
 */
export function compileGraph(ctx: GraphContext): CompiledGraph {
  const edges = ctx.edges.map(compileEdge);
  const compiled = new Map(ctx.nodes.map((node) => [node.id, compileNode(ctx, node)]));
  const { order } = topologicalOrder([...compiled.keys()], edges);
  const nodes = order.flatMap((id) => compiled.get(id) ?? []);
  const incoming = new Map<string, CompiledEdge[]>(order.map((id) => [id, []]));
  const outgoing = new Map<string, CompiledEdge[]>(order.map((id) => [id, []]));
  for (const edge of edges) {
    incoming.get(edge.target)?.push(edge);
    outgoing.get(edge.source)?.push(edge);
  }
  const source: Graph = { ...ctx.rest, nodes: ctx.nodes.map((n) => n.node), edges: ctx.edges.map((e) => e.edge) };
  return { nodes, edges, byId: new Map(nodes.map((node) => [node.id, node])), incoming, outgoing, source };
}

function compileNode(ctx: GraphContext, entry: NodeEntry): CompiledNode {
  const { spec, config } = entry;
  if (!spec || !config) throw notValidated(`node "${entry.id}" has unknown type ${entry.nodeType}`);
  // A wired port reads its edge; a config value left on it would never be used.
  const portValues = Object.fromEntries(Object.entries(config.portValues).filter(([port]) => !ctx.wired.has(wireKey(entry.id, port))));
  return {
    id: entry.id,
    nodeType: entry.nodeType,
    label: entry.node.data.label ?? spec.label,
    spec,
    inputs: entry.ports.inputs,
    outputs: entry.ports.outputs,
    settings: config.settings,
    portValues,
    common: config.common,
  };
}

function compileEdge(edge: EdgeEntry): CompiledEdge {
  const { source, target } = edge;
  if (source.state.kind !== 'port' || target.state.kind !== 'port') throw notValidated(`edge "${edge.id}" has an unresolved end`);
  const joined = connection(source.state.port.type, target.state.port.type);
  if (joined === false) throw notValidated(`edge "${edge.id}" joins incompatible ports`);
  return {
    id: edge.id,
    source: source.nodeId,
    sourcePort: source.state.port.name,
    target: target.nodeId,
    targetPort: target.state.port.name,
    connection: joined,
  };
}

function notValidated(what: string): PipewrightError {
  return new PipewrightError('internal', `Cannot compile a graph that failed validation: ${what}`);
}
