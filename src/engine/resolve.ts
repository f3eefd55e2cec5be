import { type CompiledGraph, type CompiledNode, isListType, itemType, type PortType } from '../graph/index.js';
import { PipewrightError } from '../errors/index.js';
import { dict, ownValue } from '../graph/index.js';
import type { NodeOutputs } from '../nodes/index.js';

/** What resolution needs to know about upstream nodes. */
export interface Upstream {
  output(nodeId: string): NodeOutputs | undefined;
  /** A node that fanned out produces lists on every output port, whatever their declared type. */
  iterated(nodeId: string): boolean;
}

export interface ResolvedInputs {
  /** Port values as the node sees them when it runs once; lists where a list fans out. */
  inputs: Record<string, unknown>;
  /** Present when a list reached a single-item port: one input set per item, in item order. */
  iterations?: Array<Record<string, unknown>>;
}

const DEFAULT_MAX_ITERATIONS = 100;

/**
 * Wired values first, else `config[<port>]`. A list into a list port arrives whole (fan-ins
 * concatenate in edge order); a list into a single-item port makes the node run once per item,
 * several such ports zip (docs/execution.md). Edges from a branch not taken carry nothing.
 */
export function resolveInputs(node: CompiledNode, graph: CompiledGraph, upstream: Upstream): ResolvedInputs {
  const inputs = dict();
  const fanOut = new Map<string, unknown[]>();
  for (const port of node.inputs) {
    const edges = (graph.incoming.get(node.id) ?? []).filter((edge) => edge.targetPort === port.name);
    if (edges.length === 0) {
      if (Object.hasOwn(node.portValues, port.name)) inputs[port.name] = coerce(node.portValues[port.name], port.type);
      continue;
    }
    const values = edges.flatMap((edge) => {
      const value = ownValue(upstream.output(edge.source), edge.sourcePort);
      return value === undefined ? [] : [{ value, list: carriesList(edge, graph, upstream) }];
    });
    if (isListType(port.type)) {
      inputs[port.name] = coerce(
        values.flatMap(({ value, list }) => (list && Array.isArray(value) ? value : [value])),
        port.type,
      );
    } else if (values[0] !== undefined) {
      const { value, list } = values[0];
      if (list && Array.isArray(value) && port.type !== 'any' && port.type !== 'json') fanOut.set(port.name, value);
      else inputs[port.name] = coerce(value, port.type);
    }
  }
  if (fanOut.size === 0) return { inputs };
  return { inputs: Object.assign(dict(), inputs, Object.fromEntries(fanOut)), iterations: zip(node, inputs, fanOut) };
}

function carriesList(edge: { source: string; sourcePort: string }, graph: CompiledGraph, upstream: Upstream): boolean {
  const source = graph.byId.get(edge.source);
  const declared = source?.outputs.find((port) => port.name === edge.sourcePort)?.type;
  return upstream.iterated(edge.source) || (declared !== undefined && isListType(declared));
}

function zip(node: CompiledNode, base: Record<string, unknown>, fanOut: Map<string, unknown[]>): Array<Record<string, unknown>> {
  const lists = [...fanOut.entries()];
  const [firstPort, first] = lists[0]!;
  const uneven = lists.find(([, items]) => items.length !== first.length);
  if (uneven !== undefined) {
    throw new PipewrightError(
      'list_length_mismatch',
      `Node "${node.id}" fans out over lists of unequal length: in-${firstPort} has ${first.length} items, in-${uneven[0]} has ${uneven[1].length}`,
      { details: { nodeId: node.id, ports: [firstPort, uneven[0]] } },
    );
  }
  const max = node.common.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  if (first.length > max) {
    throw new PipewrightError(
      'too_many_items',
      `Node "${node.id}" would run ${first.length} times; its limit is ${max} (set config.maxIterations, up to 1000)`,
      { details: { nodeId: node.id, items: first.length, maxIterations: max } },
    );
  }
  const types = new Map(node.inputs.map((port) => [port.name, port.type]));
  return first.map((_, index) => {
    const item = Object.assign(dict(), base);
    for (const [port, items] of lists) item[port] = coerce(items[index], types.get(port)!);
    return item;
  });
}

/** Scalars read as text where a text port takes them (ports.ts `itemCompatible`); a list port always gets a list. */
function coerce(value: unknown, type: PortType): unknown {
  if (isListType(type)) return (Array.isArray(value) ? value : [value]).map((item) => coerceItem(item, type));
  return coerceItem(value, type);
}

function coerceItem(value: unknown, type: PortType): unknown {
  if (itemType(type) === 'text' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
