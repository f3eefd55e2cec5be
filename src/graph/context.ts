import type { NodeCatalog, NodePorts, NodeSpec, PortSpec } from './spec.js';
import type { WorkflowEdge, WorkflowNode } from './schema.js';
import type { Migration, Violation, ViolationRule } from './violation.js';
import type { ParsedNodeConfig } from './node-config.js';
import type { Side } from './handles.js';

/** What the schema stage hands on: the elements that parsed, each with its index in the request. */
export interface ParsedGraph {
  /** Top-level keys other than `nodes`/`edges` (a whole workflow's name, tags…), as parsed. */
  rest: Record<string, unknown>;
  /** How many nodes and edges the request held, parsed or not. */
  sent: { nodes: number; edges: number };
  /** Ids of sent nodes that failed the schema: edges to them are not dangling, just unresolved. */
  unparsedNodeIds: ReadonlySet<string>;
  nodes: { index: number; node: WorkflowNode }[];
  edges: { index: number; edge: WorkflowEdge }[];
}

export interface NodeEntry {
  /** Position in the request's `nodes` array: violation paths point there. */
  index: number;
  id: string;
  nodeType: string;
  /** The node as normalised (category derived). */
  node: WorkflowNode;
  /** Undefined for an unknown node type; rules that need it skip the node. */
  spec: NodeSpec | undefined;
  /** Effective ports (`portsFor`); none when the type is unknown. */
  ports: NodePorts;
  config: ParsedNodeConfig | undefined;
}

/** What one end of an edge resolved to. Only `port` lets the rules and the compiler go on. */
export type EndState =
  | { kind: 'port'; port: PortSpec; handle: string; inferred: boolean }
  /** The node does not exist (`dangling-edge`). */
  | { kind: 'no-node' }
  /** The node's type is unknown (`unknown-node-type`) or the node failed the schema: no ports to check. */
  | { kind: 'unknown-ports' }
  | { kind: 'missing-handle'; handles: string[] }
  | { kind: 'unknown-handle'; handle: string; handles: string[] };

export interface EdgeEnd {
  side: Side;
  nodeId: string;
  node: NodeEntry | undefined;
  state: EndState;
}

export interface EdgeEntry {
  index: number;
  /** As sent, or derived when missing. */
  id: string;
  /** The edge as normalised (id filled, inferred handles filled). */
  edge: WorkflowEdge;
  source: EdgeEnd;
  target: EdgeEnd;
}

export interface GraphContext {
  catalog: NodeCatalog;
  rest: Record<string, unknown>;
  sent: ParsedGraph['sent'];
  nodes: readonly NodeEntry[];
  edges: readonly EdgeEntry[];
  /** First node with each id; later duplicates are reported by `duplicate-node-id`. */
  nodeById: ReadonlyMap<string, NodeEntry>;
  /** Input ports some edge resolves to, keyed by `wireKey`. */
  wired: ReadonlySet<string>;
  migrations: readonly Migration[];
}

/** One rule, or a close family of rules: every problem it finds in the graph. */
export type Check<Rule extends string = ViolationRule> = (ctx: GraphContext) => Violation<Rule>[];

export function wireKey(nodeId: string, port: string): string {
  return `${nodeId}\u0000${port}`;
}
