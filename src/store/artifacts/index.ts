export type { Artifact, ArtifactPut, ArtifactStore } from './artifact-store.js';
export { LocalArtifactStore } from './local-artifact-store.js';
export type { LocalArtifactStoreOptions } from './local-artifact-store.js';
export { DEFAULT_CONTENT_TYPE, contentTypeForPath, extensionFor, normalizeContentType } from './media-types.js';
export { artifactIdOf, artifactRef } from './ref.js';
