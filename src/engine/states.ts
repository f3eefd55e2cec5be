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
 * One node's record in one execution, as the faces report it. The store keeps it as a row of
 * plain strings (its NodeRunRecord); the service maps between the two.
 */
export interface NodeState {
  nodeId: string;
  nodeType: string;
  label: string;
  status: NodeStatus;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  attempts: number;
  credits: number;
  cached: boolean;
  output?: Record<string, unknown>;
  error?: NodeErrorInfo;
  skipReason?: SkipReason;
  progress?: number;
  logs: string[];
  iterations?: IterationState[];
  /**
   * Remote jobs a node started, by item index ("0" when it did not fan out), written before the
   * node waits on them: after a crash, the run re-attaches to them instead of paying again.
   */
  providerJobIds?: Record<string, string>;
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
