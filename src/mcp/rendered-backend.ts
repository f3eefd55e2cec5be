import type { ArtifactUrlRenderer, Backend } from '../backend/index.js';
import { renderArtifactRefs } from '../backend/index.js';
import { viewerField } from './viewer-link.js';

/**
 * The backend as this face shows it: every answer that carries outputs passes `renderer` here,
 * once, so tools, resources and the progress of a wait all see the same URLs; and when the server
 * the runs live on is known (`viewerServerUrl`), starting and polling a run answer its viewer page too.
 */
export function renderedBackend(backend: Backend, renderer: ArtifactUrlRenderer, viewerServerUrl?: string): Backend {
  return {
    ...backend,
    executeWorkflow: async (id, body, options) => {
      const accepted = await backend.executeWorkflow(id, body, options);
      return { ...accepted, ...viewerField(viewerServerUrl, accepted.executionId) };
    },
    retryExecution: async (id) => {
      const accepted = await backend.retryExecution(id);
      return { ...accepted, ...viewerField(viewerServerUrl, accepted.executionId) };
    },
    pollExecution: async (id, options) => ({
      ...(await renderArtifactRefs(await backend.pollExecution(id, options), renderer)),
      ...viewerField(viewerServerUrl, id),
    }),
    getExecution: async (id) => renderArtifactRefs(await backend.getExecution(id), renderer),
    listExecutions: async (query) => renderArtifactRefs(await backend.listExecutions(query), renderer),
  };
}
