// The execution use cases and the machinery that runs them.

export { createExecutionService } from './execution-service.js';
export type { ExecutionDeps } from './deps.js';
export { Dispatcher } from './dispatcher.js';
export type { DispatcherOptions } from './dispatcher.js';
export { ApiOnlyQueue, InProcessQueue } from './queue.js';
export { StorePollQueue } from './store-poll-queue.js';
export { PgBossQueue } from './pg-boss-queue.js';
export { NotifyCancelFeed } from './notify-cancel-feed.js';
export { leaseSettingsFromEnv } from './lease.js';
export type { LeaseTimes } from './lease.js';
export type { ExecutionQueue } from './queue.js';
export { StoreRecorder } from './store-recorder.js';
export { OwnedArtifactStore } from './owned-artifacts.js';
export type { OwnedArtifactStoreOptions } from './owned-artifacts.js';
export type { ArtifactOwner } from './owned-artifacts.js';
export { startOfUtcDay } from './daily-cap.js';
