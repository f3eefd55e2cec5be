export { createArtifactLinkService } from './artifact-link-service.js';
export type { ArtifactLinkDeps } from './artifact-link-service.js';
export { renderArtifactRefs, visitStrings } from './render-refs.js';
export type { ArtifactUrlRenderer } from './render-refs.js';
