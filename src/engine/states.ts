import type { NodeRunRecord } from '../store/records.js';

export const EXECUTION_STATUSES = ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const NODE_STATUSES = ['PENDING', 'RUNNING', 'COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED'] as const;
export type NodeStatus = (typeof NODE_STATUSES)[number];

export const FINISHED_NODE_STATUSES: ReadonlySet<NodeStatus> = new Set(['COMPLETED', 'FAILED', 'SKIPPED', 'CANCELLED']);
export const FINISHED_EXECUTION_STATUSES: ReadonlySet<ExecutionStatus> = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

/** Why a node did not run. */
export type SkipReason = 'upstream_failed' | 'branch_not_taken' | 'not_targeted';

export interface NodeErrorInfo {
  code: string;
  message: string;
  transient?: boolean;
}

export interface IterationState {
  index: number;
  status: NodeStatus;
  attempts: number;
  startedAt?: string;
  endedAt?: string;
  error?: NodeErrorInfo;
}

/**
 * One node's record in one execution: the store's row (what it keeps and the faces report),
 * with the engine's literal unions where the store holds plain strings.
 */
export interface NodeState extends Omit<NodeRunRecord, 'status' | 'error' | 'skipReason' | 'iterations'> {
  status: NodeStatus;
  error?: NodeErrorInfo;
  skipReason?: SkipReason;
  iterations?: IterationState[];
}

export interface ExecutionState {
  executionId: string;
  status: ExecutionStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  /** Named outputs: `output:result` nodes by their `name`. */
  finalOutput?: Record<string, unknown>;
  error?: NodeErrorInfo & { failedNodes?: string[] };
  credits: number;
  nodes: Record<string, NodeState>;
}
