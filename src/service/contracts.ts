import type { Migration, Violation, ViolationRule, WarningRule } from '../graph/index.js';

/** The validator's warnings, plus the one a face adds when a model node's provider has no key here. */
export type LintWarning = Violation<WarningRule | 'provider-not-configured'>;
import type { CallbackService } from './callbacks/index.js';
import type { ExecutionService } from './execution-contracts.js';
import type { Plan, Principal, Scope } from './principal.js';
import type {
  CatalogEntry,
  DuplicateBody,
  LintBody,
  PatchNodeBody,
  PlanLimits,
  SaveBody,
  UsageView,
  WorkflowListQuery,
  WorkflowSummary,
  WorkflowView,
} from './wire/index.js';

/**
 * The use cases the faces (REST, MCP, CLI) call. Business rules live behind these; a face only
 * translates. Every method takes the caller's Principal and checks what it needs (scope,
 * ownership: another account's id is `not_found`). Inputs arrive parsed: each face parses what
 * it receives with the wire's one schema per concept (./wire/), and deeper rules (a graph's
 * violations, a stale base) are checked here. Failures are PipewrightError values with the
 * contract's codes (docs/api.md "Errors"); the faces map codes to statuses in one place.
 */

export interface AuthService {
  /**
   * Resolves `Authorization: Bearer sk-…`. Throws `missing_api_key`, `invalid_api_key` (also
   * for revoked keys and malformed headers) or `expired_api_key`. Compares in constant time.
   */
  authenticate(authorization: string | undefined): Promise<Principal>;
}

export interface ApiKeyView {
  /** The first characters of the key (`sk-AbCd1234`), enough to name it in `keys revoke`. */
  prefix: string;
  name: string;
  scopes: Scope[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface KeyService {
  /** Returns the key text once; only its SHA-256 hash is stored. */
  create(input: { accountId: string; name?: string; scopes?: Scope[]; expiresAt?: Date; key?: string }): Promise<{ key: string; view: ApiKeyView }>;
  list(accountId: string): Promise<ApiKeyView[]>;
  /** `not_found` when no key of the account starts with `prefix`; `ambiguous_prefix` when several do. */
  revoke(accountId: string, prefix: string): Promise<ApiKeyView>;
}

export interface AccountService {
  /**
   * First start: with no account in the store, creates one and an admin key — the given one
   * (`PIPEWRIGHT_API_KEY`) or a new one, returned here to be printed once. Later starts create
   * nothing, except that a given key the store does not know is added as an admin key
   * (`keyAdded`); a revoked or expired one is refused (./auth/operator-key.ts).
   */
  bootstrap(options: { apiKey?: string }): Promise<{ created: boolean; accountId: string; key?: string; keyAdded?: true }>;
  /** The account the CLI's `keys` commands act on (the first one). */
  defaultAccountId(): Promise<string>;
}

export interface SaveResult {
  workflow: WorkflowView;
  meta: { warnings: LintWarning[]; migrations: Migration[] };
}

export interface LintResult {
  ok: boolean;
  violations: Violation<ViolationRule>[];
  warnings: LintWarning[];
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface WorkflowService {
  list(principal: Principal, query: WorkflowListQuery): Promise<Page<WorkflowSummary>>;
  /** `invalid_graph` (with violations) when the graph fails validation. */
  create(principal: Principal, body: SaveBody): Promise<SaveResult>;
  get(principal: Principal, id: string): Promise<WorkflowView>;
  /** A new version; `stale_write` (with currentUpdatedAt, yourBaseUpdatedAt) when `baseUpdatedAt` differs. */
  replace(principal: Principal, id: string, body: SaveBody): Promise<SaveResult>;
  /** Merges `config`/`params` (null deletes a key), replaces `label`/`position`; a new version. */
  patchNode(principal: Principal, id: string, nodeId: string, body: PatchNodeBody): Promise<{ node: unknown; updatedAt: string }>;
  delete(principal: Principal, id: string): Promise<{ id: string; deleted: true }>;
  duplicate(principal: Principal, id: string, body: DuplicateBody): Promise<{ id: string; name: string; url: string }>;
  /** Validates `{nodes, edges}` or a workflow; stores nothing. */
  lint(graph: LintBody): LintResult;
  versions(principal: Principal, id: string): Promise<Array<{ version: number; updatedAt: string; note: string | null }>>;
  version(principal: Principal, id: string, version: number): Promise<WorkflowView>;
  /** Makes a past version current, as a new version. */
  restore(principal: Principal, id: string, version: number): Promise<WorkflowView>;
}

export interface CatalogService {
  nodes(): { nodes: CatalogEntry[] };
}

export interface UsageService {
  usage(principal: Principal): Promise<UsageView>;
  limitsFor(plan: Plan): PlanLimits;
}

export interface HealthService {
  check(): Promise<{ ok: boolean; store: 'ok' | 'unavailable' }>;
}

/** What opens one stored file without a key until `exp` (Unix seconds). */
export interface ArtifactSignature {
  exp: number;
  sig: string;
}

export interface ArtifactLinkService {
  /** Signs artifact `id` for whoever holds the URL, for the operator's lifetime (default 7 days). */
  sign(id: string): Promise<ArtifactSignature>;
  /**
   * The bytes a signed URL names, no key needed: `invalid_signature` for a signature this server
   * did not make, `expired_signature` once `exp` has passed (both 403), `not_found` when gone.
   */
  readSigned(id: string, signature: { exp?: string | undefined; sig?: string | undefined }): Promise<{ bytes: Uint8Array; contentType: string }>;
}

/** Everything the REST face needs, built once at start. */
export interface Services {
  auth: AuthService;
  keys: KeyService;
  accounts: AccountService;
  workflows: WorkflowService;
  catalog: CatalogService;
  usage: UsageService;
  health: HealthService;
  executions: ExecutionService;
  artifacts: ArtifactLinkService;
  callbacks: CallbackService;
}
