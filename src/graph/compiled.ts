import type { PortSpec, NodeSpec } from './spec.js';
import type { Graph } from './schema.js';
import type { Connection } from './ports.js';
import type { CommonConfig } from './common-config.js';

/** A node ready to execute: its spec, its effective ports and its parsed settings. */
export interface CompiledNode {
  id: string;
  nodeType: string;
  label: string;
  spec: NodeSpec;
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
  /** Parsed node settings (defaults applied), without port values or common keys. */
  settings: Record<string, unknown>;
  /** Values configured on unwired input ports (`config[<port>]`). */
  portValues: Record<string, unknown>;
  common: CommonConfig;
}

export interface CompiledEdge {
  id: string;
  source: string;
  sourcePort: string;
  target: string;
  targetPort: string;
  connection: Exclude<Connection, false>;
}

/** The validated graph in the shape the engine runs. Order is decided by the graph and ids only. */
export interface CompiledGraph {
  /** Topological order; ties broken by node id. */
  nodes: readonly CompiledNode[];
  /** In the order they were sent: that order is how a list port collects a fan-in. */
  edges: readonly CompiledEdge[];
  byId: ReadonlyMap<string, CompiledNode>;
  incoming: ReadonlyMap<string, readonly CompiledEdge[]>;
  outgoing: ReadonlyMap<string, readonly CompiledEdge[]>;
  /** The normalised graph as sent (stale output keys dropped, categories corrected). */
  source: Graph;
}
