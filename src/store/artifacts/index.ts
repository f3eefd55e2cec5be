export { LocalArtifactStore } from './local-artifact-store.js';
export type { LocalArtifactStoreOptions } from './local-artifact-store.js';
