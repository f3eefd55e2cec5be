// What an artifact is, shared by every layer that makes, keeps or shows one: the store interface
// (engine and nodes write through it, the store implements it), the reference outputs hold, and
// content types. Pure, no I/O, so it sits at the bottom beside errors and net.

export type { Artifact, ArtifactPut, ArtifactStore } from './artifact-store.js';
export { ARTIFACT_ID, artifactIdOf, artifactRef } from './ref.js';
export { DEFAULT_CONTENT_TYPE, contentTypeForPath, extensionFor, normalizeContentType } from './media-types.js';
