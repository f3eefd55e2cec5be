export { LocalArtifactStore } from './local-artifact-store.js';
export type { LocalArtifactStoreOptions } from './local-artifact-store.js';
export { openArtifactStore } from './open-artifact-store.js';
export type { OpenArtifactStoreOptions, OpenedArtifactStore } from './open-artifact-store.js';
