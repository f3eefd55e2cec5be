import type { z } from 'zod';
import type { PortType } from './ports.js';

export const NODE_CATEGORIES = ['input', 'model', 'utility', 'logic', 'output'] as const;
export type NodeCategory = (typeof NODE_CATEGORIES)[number];

/** `data.nodeType` is `<family>:<name>`; the family decides the category. */
export const FAMILY_CATEGORY: Readonly<Record<string, NodeCategory>> = {
  input: 'input',
  generate: 'model',
  llm: 'model',
  utility: 'utility',
  logic: 'logic',
  output: 'output',
};

export interface PortSpec {
  /** The port name; handles are `in-<name>` / `out-<name>`. */
  name: string;
  type: PortType;
  /** Required inputs must be wired or set in `config[<name>]`. Outputs ignore it. */
  required?: boolean;
  description?: string;
}

export interface NodePorts {
  inputs: readonly PortSpec[];
  outputs: readonly PortSpec[];
}

/**
 * What the validator and the catalog need to know about a node type: pure data, no `run`.
 * `nodes/` extends it with cost, timeout and `run(ctx)`.
 */
export interface NodeSpec extends NodePorts {
  nodeType: string;
  label: string;
  category: NodeCategory;
  description: string;
  /**
   * The node's settings. Keys named like an input port, and the common keys of
   * `COMMON_CONFIG_KEYS`, are checked separately and removed before this schema parses.
   */
  config: z.ZodType<Record<string, unknown>>;
  /** Node types whose ports depend on their settings (placeholders, switch cases) compute them here. */
  portsFor?(config: Record<string, unknown>): NodePorts;
  /** Input nodes: the config key a run-time input (`inputs[<nodeId>]`) fills. */
  inputKey?: string;
  deprecated?: { replacedBy?: string; message?: string };
}

/** The registry as the validator sees it. */
export interface NodeCatalog {
  get(nodeType: string): NodeSpec | undefined;
  list(): readonly NodeSpec[];
}
