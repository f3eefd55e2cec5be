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
