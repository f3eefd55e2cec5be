import type { z } from 'zod';
import type { NodeSpec } from '../graph/index.js';
import type { ArtifactStore } from '../artifacts/index.js';
import type { SecurityPolicy } from '../net/index.js';

/** Output values by port name. Files are URLs (docs/api.md); lists are arrays. */
export type NodeOutputs = Record<string, unknown>;

/** What a node's `run` may use. Everything is passed in: nodes reach for no globals. */
export interface NodeContext<Settings = Record<string, unknown>> {
  executionId: string;
  nodeId: string;
  nodeType: string;
  /** The node's parsed settings (its config without port values and common keys). */
  settings: Settings;
  /** Resolved input port values: upstream outputs, else `config[<port>]`. One item per iteration. */
  inputs: Record<string, unknown>;
  /** Aborts on cancel and on timeout; a node must stop work and release resources when it fires. */
  signal: AbortSignal;
  dryRun: boolean;
  /** Set when a list fanned out into this node. */
  iteration?: { index: number; count: number };
  /** 1 on the first try, 2 on the first retry… */
  attempt: number;
  artifacts: ArtifactStore;
  policy: SecurityPolicy;
  log(message: string): void;
  /** Fraction in [0, 1]. */
  progress(fraction: number, message?: string): void;
  /** For nodes that start remote work (model providers). */
  providerJob: ProviderJobHandle;
}

export interface ProviderJobHandle {
  /** The job this node (this item) started before the process stopped: re-attach to it rather than submit again. */
  previousId?: string;
  /** Call as soon as the provider has accepted a job, before waiting on it; resolves once it is stored. */
  remember(jobId: string): Promise<void>;
}

/**
 * A node type is data plus one function (docs/architecture.md). Adding one is one file registered in
 * its folder's index, never a branch in the engine.
 */
export interface NodeType<Settings = Record<string, unknown>> extends NodeSpec {
  /** Credits one run costs, from its settings. Local node types cost 0. */
  cost(settings: Settings): number;
  /** Per-attempt timeout; `config.timeoutMs` overrides it. */
  timeoutMs: number;
  /** Retries after a transient failure; `config.maxRetries` overrides it. Default 2. */
  maxRetries?: number;
  /** False for node types whose result must not be reused (time, randomness, side effects). */
  cacheable?: boolean;
  run(ctx: NodeContext<Settings>): Promise<NodeOutputs>;
  /**
   * What `dryRun` returns instead of `run`: clearly marked placeholders at zero credits.
   * Node types without it (local, offline ones) run for real in a dry run.
   */
  dryRun?(ctx: NodeContext<Settings>): Promise<NodeOutputs>;
}

/**
 * Keeps a node type's settings typed while the registry stores them uniformly. The settings are
 * what its config schema parses to, unless the type argument names them.
 */
export function defineNodeType<Config extends NodeSpec['config']>(type: NodeType<z.infer<Config>> & { config: Config }): NodeType;
export function defineNodeType<Settings>(type: NodeType<Settings>): NodeType;
export function defineNodeType(type: NodeType<unknown>): NodeType {
  return type as unknown as NodeType;
}
