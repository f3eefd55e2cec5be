import type {
  AccountRecord,
  ApiKeyRecord,
  ArtifactRecord,
  CachedOutputRecord,
  DailyUsage,
  ExecutionOptions,
  ExecutionRecord,
  ExecutionEventRecord,
  ExecutionTrigger,
  IdempotencyBegin,
  IdempotencyClaim,
  IdempotencyFingerprint,
  LedgerEntry,
  NodeRunRecord,
  StoredResponse,
  WorkflowContent,
  WorkflowRecord,
  WorkflowVersionRecord,
} from './records.js';
import type { CallbackDeliveryRepository } from './callbacks.js';

export interface AccountRepository {
  create(input: { name: string; plan: string; creditsBalance: number }): Promise<AccountRecord>;
  get(id: string): Promise<AccountRecord | undefined>;
  /** The oldest account: the self-hosted owner the CLI acts for. */
  first(): Promise<AccountRecord | undefined>;
  count(): Promise<number>;
}

export interface NewApiKey {
  accountId: string;
  prefix: string;
  keyHash: string;
  name: string;
  scopes: string[];
  expiresAt: string | null;
}

export interface ApiKeyRepository {
  create(input: NewApiKey): Promise<ApiKeyRecord>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listByAccount(accountId: string): Promise<ApiKeyRecord[]>;
  /** Sets `revoked_at` unless already set; returns the key as stored afterwards. */
  revoke(accountId: string, id: string): Promise<ApiKeyRecord | undefined>;
  touch(id: string, at: string): Promise<void>;
}

/** Where a page ends; the next page starts strictly after it in (created_at desc, id desc) order. */
export interface ListPosition {
  createdAt: string;
  id: string;
}

export interface WorkflowFilter {
  tag?: string;
  isActive?: boolean;
  /** Case-insensitive substring of name or description. */
  q?: string;
  limit: number;
  after?: ListPosition;
}

export type UpdateOutcome = { status: 'updated'; workflow: WorkflowRecord } | { status: 'stale'; currentUpdatedAt: string } | { status: 'not_found' };

export interface WorkflowRepository {
  list(accountId: string, filter: WorkflowFilter): Promise<{ items: WorkflowRecord[]; next: ListPosition | null }>;
  /** Version 1 and its history row, atomically. */
  create(input: { accountId: string; content: WorkflowContent; note: string }): Promise<WorkflowRecord>;
  /** Never returns a deleted workflow or another account's. */
  get(accountId: string, id: string): Promise<WorkflowRecord | undefined>;
  /** Next version and its history row, atomically, only while `updated_at` still equals `ifUpdatedAt`. */
  update(accountId: string, id: string, input: { content: WorkflowContent; note: string; ifUpdatedAt: string }): Promise<UpdateOutcome>;
  /** Soft delete: executions keep referring to the row. */
  softDelete(accountId: string, id: string): Promise<boolean>;
  /** Newest first; undefined when the workflow is not visible to the account. */
  versions(accountId: string, id: string): Promise<Array<{ version: number; createdAt: string; note: string | null }> | undefined>;
  version(accountId: string, id: string, version: number): Promise<WorkflowVersionRecord | undefined>;
  findByWebhook(webhookId: string): Promise<WorkflowRecord | undefined>;
  /** A new webhook id; the old one stops resolving at once. */
  rotateWebhook(accountId: string, id: string): Promise<WorkflowRecord | undefined>;
}

export interface LedgerRepository {
  /** Appends an entry and moves the account's balance by `amount`, atomically. */
  record(entry: LedgerEntry): Promise<void>;
}

export interface UsageRepository {
  /** Credits spent and executions started per UTC day from `sinceDate` (YYYY-MM-DD), oldest first, only days with activity. */
  daily(accountId: string, sinceDate: string): Promise<DailyUsage[]>;
}

export interface NewExecution {
  accountId: string;
  workflowId: string | null;
  workflowVersion: number | null;
  inputs: Record<string, unknown>;
  options: ExecutionOptions;
  batchId?: string | null;
  retryOf?: string | null;
  trigger: ExecutionTrigger;
  /** The credits the run was estimated at on admission (0 when absent). */
  estimatedCredits?: number;
  /** The process that will run it: only that process, or one that finds it dead, may pick it up. */
  owner?: string | null;
  /** Until when `owner` holds it (ISO); it renews this while it runs (`renewLeases`). */
  leaseUntil?: string | null;
}

/** How `claimOwner` takes an execution over. */
export interface OwnerClaim {
  /** The owner it must still have (null: none). */
  from: string | null;
  /** The new owner's lease. */
  leaseUntil: string;
  /** Given: only while the current lease ended before this time (ISO), or there is no owner. */
  expiredBy?: string;
}

/**
 * Fencing: a write of the process running an execution lands only while that process still
 * holds it. One that stalled past its lease and had the execution taken over (claimOwner) writes
 * nothing more — no node result, no charge, no final state — whatever its engine still does.
 */
export interface WriteGuard {
  /** The owner token the execution must still have (its `runner`). */
  owner: string;
}

export interface ExecutionFilter {
  workflowId?: string;
  status?: string;
  limit: number;
  after?: ListPosition;
}

export interface ExecutionUpdate {
  status?: string;
  startedAt?: string | null;
  endedAt?: string | null;
  finalOutput?: Record<string, unknown> | null;
  error?: Record<string, unknown> | null;
  credits?: number;
}

export interface ExecutionRepository {
  /** The execution QUEUED with its node rows PENDING, atomically; `id` is the caller's (the engine's) id. */
  create(id: string, input: NewExecution, nodes: NodeRunRecord[]): Promise<ExecutionRecord>;
  /** Scoped to the account: another account's execution is undefined. */
  get(accountId: string, id: string): Promise<ExecutionRecord | undefined>;
  /** Unscoped, for the dispatcher that runs it. */
  load(id: string): Promise<ExecutionRecord | undefined>;
  list(accountId: string, filter: ExecutionFilter): Promise<{ items: ExecutionRecord[]; next: ListPosition | null }>;
  /**
   * Writes the fields given while the execution is QUEUED or RUNNING, and answers whether it did.
   * A COMPLETED, FAILED or CANCELLED execution is final: nothing is written and the answer is false.
   * With `guard`, only while `guard.owner` still holds it (WriteGuard).
   */
  update(id: string, fields: ExecutionUpdate, guard?: WriteGuard): Promise<boolean>;
  nodes(executionId: string): Promise<NodeRunRecord[]>;
  /**
   * Writes the node's latest state while the execution is QUEUED or RUNNING, and answers whether
   * it did: a finished execution's nodes are final, so nothing completes or is charged after a
   * cancel. When it is COMPLETED with credits > 0, the charge (a ledger entry keyed by execution
   * and node, and the balance) lands in the same transaction, at most once however often the same
   * COMPLETED state is written. With `guard`, only while `guard.owner` still holds it (WriteGuard).
   */
  saveNode(executionId: string, accountId: string, node: NodeRunRecord, guard?: WriteGuard): Promise<boolean>;
  /**
   * Sets a RUNNING node's progress (0–1) and appends its `node.progress` event, atomically, while
   * the execution is unfinished; false, writing nothing, otherwise (the node or the run ended).
   * With `guard`, only while `guard.owner` still holds it (WriteGuard).
   */
  saveProgress(executionId: string, nodeId: string, progress: number, message?: string, guard?: WriteGuard): Promise<boolean>;
  /**
   * The execution's events with an id above `afterId`, oldest first, at most `limit`. Every write
   * that changes a node's status or ends the execution (create, saveNode, saveProgress, update,
   * cancel) appends its event in the same transaction, so an event exists exactly when its state does.
   */
  events(executionId: string, afterId: number, limit: number): Promise<ExecutionEventRecord[]>;
  /**
   * Calls `listener` with the execution's id after this process wrote events of it (another
   * process's writes are not heard: read `events` again after a while). Returns what stops it.
   */
  onEvents(listener: (executionId: string) => void): () => void;
  /**
   * Ends an unfinished execution CANCELLED (with `endedAt` and `error`) and its PENDING and
   * RUNNING nodes, atomically, its credits set to what the ledger charged it; false, writing
   * nothing, when it had already finished.
   */
  cancel(id: string, fields: { endedAt: string; error: Record<string, unknown> }): Promise<boolean>;
  /** Which of `ids` are no longer QUEUED or RUNNING: how a process hears that another ended a run it holds. */
  endedAmong(ids: readonly string[]): Promise<string[]>;
  /** QUEUED or RUNNING executions: what a restarted process resumes. */
  unfinished(): Promise<ExecutionRecord[]>;
  /** Executions the account started since `since` (ISO), for daily caps. */
  countSince(accountId: string, since: string): Promise<number>;
  /**
   * Credits the account's QUEUED and RUNNING executions may still spend: the sum over them of
   * max(0, estimatedCredits − what the ledger has charged to that execution). Admission holds
   * this back from the balance; a finished execution holds nothing.
   */
  outstandingCredits(accountId: string): Promise<number>;
  /**
   * Hands an unfinished execution to `owner` with a lease until `claim.leaseUntil`, only while its
   * owner is still `claim.from` (null: none) and, with `expiredBy`, its lease has ended: one
   * conditional statement, so of two processes taking over the same execution, one wins.
   */
  claimOwner(id: string, owner: string, claim: OwnerClaim): Promise<boolean>;
  /**
   * Extends to `leaseUntil` the lease of the unfinished executions `owner` holds — only those of
   * `only` when given — answering how many; one statement (per 500 ids of `only`).
   */
  renewLeases(owner: string, leaseUntil: string, only?: readonly string[]): Promise<number>;
  /** Unfinished executions with no owner or whose lease ended before `now` (ISO), oldest first, at most `limit`: what a worker may claim. */
  claimable(now: string, limit: number): Promise<ExecutionRecord[]>;
}

export interface IdempotencyRepository {
  /**
   * Claims `key` for this request atomically, or tells why not: the same request is in flight,
   * was answered (replay that response), or the key was used for a different request.
   * Expired records count as absent.
   */
  begin(accountId: string, key: string, fingerprint: IdempotencyFingerprint, expiresAt: string): Promise<IdempotencyBegin>;
  /** Stores the answer on the claim, while it is still in flight and still this claim; false otherwise. */
  complete(claim: IdempotencyClaim, response: StoredResponse): Promise<boolean>;
  /**
   * Forgets a claim whose request failed before it did anything (so the client may try again),
   * while it is still in flight and still this claim: never a stored answer nor another's claim.
   */
  release(claim: IdempotencyClaim): Promise<boolean>;
  purgeExpired(now: string): Promise<number>;
}

export interface ArtifactRepository {
  record(artifact: ArtifactRecord): Promise<void>;
  get(id: string): Promise<ArtifactRecord | undefined>;
}

export interface SecretRepository {
  /**
   * The secret stored under `name`; the first caller's `candidate` becomes it, atomically, and
   * every later caller (any process on the store) gets that same value.
   */
  getOrCreate(name: string, candidate: string): Promise<string>;
  /**
   * Puts `next` under `name` only while it still holds `current`, in one statement, and answers
   * whether it did: of two rotations from the same value, one wins. Only secrets meant to rotate
   * use it (an account's callback secret); the server's own are never rewritten.
   */
  replace(name: string, current: string, next: string): Promise<boolean>;
}

export interface OutputCacheRepository {
  /** The entry under `key`, marked used now; undefined when there is none. */
  get(key: string): Promise<CachedOutputRecord | undefined>;
  /** Stores the entry under `key`, replacing any, marked used now. */
  put(key: string, entry: CachedOutputRecord): Promise<void>;
  /** Drops the entries not used since `usedBefore`, then all but the `keep` used most recently; answers how many went. */
  prune(limits: { usedBefore: string; keep: number }): Promise<number>;
}

export interface Repositories {
  accounts: AccountRepository;
  apiKeys: ApiKeyRepository;
  workflows: WorkflowRepository;
  ledger: LedgerRepository;
  usage: UsageRepository;
  executions: ExecutionRepository;
  idempotency: IdempotencyRepository;
  artifacts: ArtifactRepository;
  outputCache: OutputCacheRepository;
  secrets: SecretRepository;
  callbacks: CallbackDeliveryRepository;
}

/** The durable store. One conformance suite (test/store/conformance.ts) holds every backend to it. */
export interface Store extends Repositories {
  /**
   * Runs `fn` atomically, and one at a time with every other `transaction` of every process on
   * the store (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock, sql-flavour.ts), so `fn`
   * may read, decide and write. Inside, use only the repositories `fn` receives: the embedded
   * store has one connection, so a call on the outer store would wait for the transaction forever.
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Whether the store answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** The store's own connection, for counters every process on the store shares (the API's rate limits). */
  connection?: StoreConnection;
}

/**
 * PostgreSQL: a `pg` pool of the store's database, apart from the store's own, so a count made
 * inside a `transaction` never waits for a connection that transactions hold. SQLite: the store's
 * one connection, lent to `use` alone — outside every transaction of this process — and, when
 * another process holds the write lock, lent again after an asynchronous wait, as the store's own
 * statements are (lock-wait.ts); past the lock wait (the store's, or `lockWaitMs`) it fails with
 * `store_busy`. `use` must leave no transaction open. Called from within `transaction`'s `fn`,
 * `use` runs at once inside that transaction, and what it writes commits or rolls back with it
 * (lent-connection.ts).
 */
export type StoreConnection =
  | { kind: 'postgres'; pool: import('pg').Pool }
  | { kind: 'sqlite'; exclusive<T>(use: (database: import('better-sqlite3').Database) => Promise<T>, lockWaitMs?: number): Promise<T> };
