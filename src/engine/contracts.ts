import type { PipewrightError } from '../errors/index.js';
import type { CompiledGraph } from '../graph/index.js';
import type { EngineListener } from './events.js';
import type { ExecutionState, IterationState, NodeState } from './states.js';

/**
 * Where the engine writes state. The store implements it next; the engine awaits every write
 * before it reports the transition (persist before emitting).
 */
export interface ExecutionRecorder {
  execution(state: Omit<ExecutionState, 'nodes'>): Promise<void>;
  node(executionId: string, node: NodeState): Promise<void>;
  /**
   * A running node's progress report. Not awaited: a node reports as often as it likes, and the
   * recorder decides what to keep (the store's coalesces, docs/events.md).
   */
  progress?(executionId: string, nodeId: string, progress: number, message?: string): void;
}

/**
 * What a completed node yielded, as a cache hit gives it back. The per-item records matter as
 * much as the outputs: downstream nodes fan out over an iterated node's lists, and only over those.
 */
export interface CachedOutcome {
  output: Record<string, unknown>;
  /** One record per item, for a node that ran once per item of a list. */
  iterations?: IterationState[];
}

/** Completed outcomes by hash of (scope, nodeType, settings, resolved inputs, dry run). */
export interface OutputCache {
  get(key: string): Promise<CachedOutcome | undefined>;
  set(key: string, entry: CachedOutcome): Promise<void>;
}

export interface ExecuteRequest {
  executionId?: string;
  graph: CompiledGraph;
  /** Run-time values for input nodes, by node id. */
  inputs?: Record<string, unknown>;
  /** Run only this node and the ancestors it needs. */
  targetNodeId?: string;
  /** Ignore the output cache. */
  force?: boolean;
  /**
   * Whose outputs may be reused: only runs with the same scope share cached outputs. A server sets
   * the account id, so one account is never served another's results (or artifact URLs).
   */
  cacheScope?: string;
  dryRun?: boolean;
  /** Completed node states to keep rather than run again (retry, resume after a crash). */
  reuse?: Readonly<Record<string, NodeState>>;
  signal?: AbortSignal;
  onEvent?: EngineListener;
}

export interface ExecutionHandle {
  executionId: string;
  /** Settles with the final state; never rejects for node failures (they are in the state). */
  result: Promise<ExecutionState>;
  /**
   * Stops the run; its nodes end with `reason` (default `cancelled`). Stopped by
   * `execution_taken_over`, nodes leave their provider jobs running: another process has taken
   * the execution over and re-attached to them.
   */
  cancel(reason?: PipewrightError): void;
}
