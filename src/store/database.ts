/**
 * Row shapes of every table, as Kysely sees them. Columns are portable types only (text,
 * integer); JSON lives in text columns and timestamps are ISO-8601 UTC text, so the same
 * queries run on SQLite now and PostgreSQL later.
 */

/** A JSON document stored as text; parsed only at the repository boundary. */
type JsonText = string;
type IsoTime = string;

export interface AccountsTable {
  id: string;
  name: string;
  plan: string;
  credits_balance: number;
  created_at: IsoTime;
}

export interface ApiKeysTable {
  id: string;
  account_id: string;
  prefix: string;
  key_hash: string;
  name: string;
  scopes: JsonText;
  created_at: IsoTime;
  expires_at: IsoTime | null;
  revoked_at: IsoTime | null;
  last_used_at: IsoTime | null;
}

export interface WorkflowsTable {
  id: string;
  account_id: string;
  name: string;
  description: string | null;
  tags: JsonText;
  is_active: number;
  version: number;
  nodes: JsonText;
  edges: JsonText;
  webhook_id: string;
  created_at: IsoTime;
  updated_at: IsoTime;
  deleted_at: IsoTime | null;
}

/** One row per (workflow, tag): a portable, indexable tag filter instead of JSON operators. */
export interface WorkflowTagsTable {
  workflow_id: string;
  tag: string;
}

export interface WorkflowVersionsTable {
  workflow_id: string;
  version: number;
  name: string;
  description: string | null;
  tags: JsonText;
  is_active: number;
  nodes: JsonText;
  edges: JsonText;
  note: string | null;
  created_at: IsoTime;
}

export interface ExecutionsTable {
  id: string;
  account_id: string;
  workflow_id: string | null;
  workflow_version: number | null;
  status: string;
  inputs: JsonText | null;
  options: JsonText | null;
  final_output: JsonText | null;
  error: JsonText | null;
  credits: number;
  /** Credits the run was estimated at when admitted: what it may hold back while QUEUED or RUNNING (0004). */
  estimated_credits: number;
  /** The execution's owner (records.ts); the column keeps the name migration 0005 gave it. */
  runner: string | null;
  /** Until when `runner` holds it; past it, anyone may take it over (0009). */
  lease_until: IsoTime | null;
  batch_id: string | null;
  retry_of: string | null;
  trigger: string;
  created_at: IsoTime;
  started_at: IsoTime | null;
  ended_at: IsoTime | null;
}

export interface NodeRunsTable {
  execution_id: string;
  node_id: string;
  node_type: string;
  label: string | null;
  status: string;
  attempts: number;
  credits: number;
  cached: number;
  output: JsonText | null;
  error: JsonText | null;
  logs: JsonText | null;
  iterations: JsonText | null;
  skip_reason: string | null;
  /** Per mille (0–1000): portable integer columns only, so the engine's fraction is scaled. */
  progress: number | null;
  /** JSON map of item index to the provider's job id (0002). */
  provider_job_ids: JsonText | null;
  /** The node's place in the graph's order, so rows come back as the engine ran them (0002). */
  position: number;
  started_at: IsoTime | null;
  ended_at: IsoTime | null;
  duration_ms: number | null;
}

export interface IdempotencyRecordsTable {
  account_id: string;
  idem_key: string;
  method: string;
  path: string;
  body_hash: string;
  state: 'in_flight' | 'done';
  response_status: number | null;
  response_headers: JsonText | null;
  response_body: string | null;
  created_at: IsoTime;
  expires_at: IsoTime;
  /** The random token of the claim that holds the key (null on rows older than migration 0003). */
  claim: string | null;
}

export interface CreditLedgerTable {
  id: string;
  account_id: string;
  execution_id: string | null;
  node_id: string | null;
  /** Signed: a grant is positive, a charge negative. */
  amount: number;
  reason: string;
  created_at: IsoTime;
}

export interface ArtifactsTable {
  id: string;
  account_id: string | null;
  execution_id: string | null;
  content_type: string;
  size: number;
  created_at: IsoTime;
}

/** One row per named secret, created once and never rewritten (0008). */
export interface ServerSecretsTable {
  name: string;
  value: string;
  created_at: IsoTime;
}

/** Reusable node outcomes by the engine's cache key (0007). */
export interface OutputCacheTable {
  cache_key: string;
  entry: JsonText;
  created_at: IsoTime;
  used_at: IsoTime;
}

/** One event of one execution's stream, `id` counting up from 1 within it (0010). */
export interface ExecutionEventsTable {
  execution_id: string;
  id: number;
  type: string;
  data: JsonText;
  created_at: IsoTime;
}

/** Completion callback deliveries (0011): see the migration for who writes what. */
export interface CallbackDeliveriesTable {
  id: string;
  execution_id: string;
  account_id: string;
  url: string;
  state: string;
  attempts: JsonText;
  next_attempt_at: IsoTime | null;
  lease_owner: string | null;
  lease_until: IsoTime | null;
  created_at: IsoTime;
}

export interface Database {
  accounts: AccountsTable;
  api_keys: ApiKeysTable;
  workflows: WorkflowsTable;
  workflow_tags: WorkflowTagsTable;
  workflow_versions: WorkflowVersionsTable;
  executions: ExecutionsTable;
  node_runs: NodeRunsTable;
  execution_events: ExecutionEventsTable;
  idempotency_records: IdempotencyRecordsTable;
  credit_ledger: CreditLedgerTable;
  artifacts: ArtifactsTable;
  output_cache: OutputCacheTable;
  server_secrets: ServerSecretsTable;
  callback_deliveries: CallbackDeliveriesTable;
}
