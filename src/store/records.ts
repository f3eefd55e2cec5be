// What the repositories hand out: camelCase, JSON parsed, booleans as booleans. Plans and scopes
// are plain strings here: their meaning belongs to the service layer above.

export interface AccountRecord {
  id: string;
  name: string;
  plan: string;
  creditsBalance: number;
  createdAt: string;
}

export interface ApiKeyRecord {
  id: string;
  accountId: string;
  prefix: string;
  keyHash: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

/** The part of a workflow a write replaces and a version keeps. */
export interface WorkflowContent {
  name: string;
  description: string | null;
  tags: string[];
  isActive: boolean;
  nodes: unknown[];
  edges: unknown[];
}

export interface WorkflowRecord extends WorkflowContent {
  id: string;
  accountId: string;
  version: number;
  webhookId: string;
  createdAt: string;
  updatedAt: string;
}

export interface WorkflowVersionRecord extends WorkflowContent {
  workflowId: string;
  version: number;
  note: string | null;
  createdAt: string;
}

export interface LedgerEntry {
  accountId: string;
  amount: number;
  reason: string;
  executionId?: string | null;
  nodeId?: string | null;
}

export interface DailyUsage {
  /** YYYY-MM-DD, UTC. */
  date: string;
  credits: number;
  executions: number;
}

/** Which face started an execution. */
export type ExecutionTrigger = 'execute' | 'run' | 'batch' | 'webhook' | 'retry' | 'mcp';

/** How an execution was asked to run; enough to run it again after a restart. */
export interface ExecutionOptions {
  targetNodeId?: string;
  force?: boolean;
  dryRun?: boolean;
  /** The graph sent inline with execute, when it was not the saved version. */
  graph?: { nodes: unknown[]; edges: unknown[] };
  /** Execute of another execution's failed/skipped nodes (retry): completed node states come from it. */
  reuseFrom?: string;
  /** Webhook body, kept as sent. */
  triggerData?: unknown;
}

export interface ExecutionRecord {
  id: string;
  accountId: string;
  workflowId: string | null;
  workflowVersion: number | null;
  status: string;
  inputs: Record<string, unknown>;
  options: ExecutionOptions;
  finalOutput: Record<string, unknown> | null;
  error: Record<string, unknown> | null;
  credits: number;
  /** Its estimate at admission; while QUEUED or RUNNING, the part not yet charged is held back from the balance. */
  estimatedCredits: number;
  /** The process running it (see the dispatcher's owner token); null when none has claimed it. */
  owner: string | null;
  batchId: string | null;
  retryOf: string | null;
  trigger: ExecutionTrigger;
  createdAt: string;
  startedAt: string | null;
  endedAt: string | null;
}

/** One node of one execution, as the engine reported it last (the engine's NodeState, stored). */
export interface NodeRunRecord {
  nodeId: string;
  nodeType: string;
  label: string;
  status: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  attempts: number;
  credits: number;
  cached: boolean;
  output?: Record<string, unknown>;
  error?: { code: string; message: string; transient?: boolean };
  skipReason?: string;
  progress?: number;
  logs: string[];
  iterations?: unknown[];
  /**
   * Remote jobs a node started, by item index ("0" when it did not fan out), written before the
   * node waits on them: after a crash, the run re-attaches to them instead of paying again.
   */
  providerJobIds?: Record<string, string>;
}

/**
 * One event of an execution's stream (docs/events.md): `id` counts up from 1 within the
 * execution, `type` is the contract's name (`node.started` … `execution.cancelled`).
 */
export interface ExecutionEventRecord {
  executionId: string;
  id: number;
  type: string;
  data: Record<string, unknown>;
  at: string;
}

export interface IdempotencyFingerprint {
  method: string;
  path: string;
  /** SHA-256 of the request body. */
  bodyHash: string;
}

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Whose claim on a key: `begin` hands out a fresh `claim` token, and `complete`/`release` act only
 * while the row still holds it — a claim abandoned and taken over by a retry is no longer theirs.
 * Without a token (callers that predate tokens) they act on whichever claim holds the key.
 */
export interface IdempotencyClaim {
  accountId: string;
  key: string;
  claim?: string;
}

export type IdempotencyBegin =
  | { state: 'started'; claim: string }
  | { state: 'in_flight' }
  | { state: 'done'; response: StoredResponse }
  | { state: 'mismatch' };

/** A node's completed outcome, kept so that a later run with the same inputs yields it again. */
export interface CachedOutputRecord {
  output: Record<string, unknown>;
  /** One record per item, for a node that ran once per item of a list. */
  iterations?: unknown[];
}

export interface ArtifactRecord {
  id: string;
  accountId: string | null;
  executionId: string | null;
  contentType: string;
  size: number;
  createdAt: string;
}
