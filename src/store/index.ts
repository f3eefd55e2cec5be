// The store layer's public surface: the Store interface, its records and the embedded opener.

export { openStore } from './open-store.js';
export type { OpenStoreOptions } from './open-store.js';
export { storeSettingsFromEnv } from './store-settings.js';
export { openExecutionJobs } from './execution-jobs.js';
export type { ExecutionJobs, JobTaker } from './execution-jobs.js';
export { openCancelNotices } from './cancel-notices.js';
export type { CancelNotices } from './cancel-notices.js';
export { createKyselyStore } from './kysely-store.js';
export { LocalArtifactStore, openArtifactStore } from './artifacts/index.js';
export type { LocalArtifactStoreOptions, OpenedArtifactStore } from './artifacts/index.js';
export type {
  Store,
  Repositories,
  AccountRepository,
  ApiKeyRepository,
  NewApiKey,
  WorkflowRepository,
  WorkflowFilter,
  ListPosition,
  UpdateOutcome,
  LedgerRepository,
  UsageRepository,
  ExecutionRepository,
  NewExecution,
  ExecutionFilter,
  OwnerClaim,
  WriteGuard,
  ExecutionUpdate,
  IdempotencyRepository,
  ArtifactRepository,
  OutputCacheRepository,
  SecretRepository,
  StoreConnection,
} from './store.js';
export type {
  AccountRecord,
  ApiKeyRecord,
  WorkflowContent,
  WorkflowRecord,
  WorkflowVersionRecord,
  LedgerEntry,
  DailyUsage,
  ExecutionTrigger,
  ExecutionOptions,
  ExecutionRecord,
  ExecutionEventRecord,
  NodeRunRecord,
  IdempotencyFingerprint,
  StoredResponse,
  IdempotencyBegin,
  IdempotencyClaim,
  ArtifactRecord,
  CachedOutputRecord,
} from './records.js';
export type {
  CallbackAttemptRecord,
  CallbackClaim,
  CallbackDeliveryRecord,
  CallbackDeliveryRepository,
  CallbackOutcome,
  NewCallbackDelivery,
} from './callbacks.js';
export { randomBase62 } from './ids.js';
