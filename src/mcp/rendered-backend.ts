import type { ArtifactUrlRenderer, Backend } from '../backend/index.js';
import { renderArtifactRefs } from '../backend/index.js';

/**
 * The backend as this face shows it: every answer that carries outputs passes `renderer` here,
 * once, so tools, resources and the progress of a wait all see the same URLs.
 */
export function renderedBackend(backend: Backend, renderer: ArtifactUrlRenderer): Backend {
  return {
    ...backend,
    pollExecution: async (id, options) => renderArtifactRefs(await backend.pollExecution(id, options), renderer),
    getExecution: async (id) => renderArtifactRefs(await backend.getExecution(id), renderer),
    listExecutions: async (query) => renderArtifactRefs(await backend.listExecutions(query), renderer),
  };
}
