import { type Backend, FINISHED_EXECUTION_STATUSES } from '../../backend/index.js';
import { PipewrightError } from '../../errors/index.js';
import type { ResourceState } from './change-feed.js';

/** A resource that changes while the server runs: how to read its state, and how often to look. */
export interface Watchable {
  intervalMs: number;
  state(): Promise<ResourceState>;
}

/**
 * Executions move node by node, so they are checked often; a workflow changes when someone saves
 * it. In remote mode each check is one request against the key's budget (pro: 60 a minute).
 */
const EXECUTION_INTERVAL_MS = 2_000;
const WORKFLOW_INTERVAL_MS = 5_000;

const WATCHED = /^pipewright:\/\/(executions|workflows)\/([^/?#]+)$/;

/** The execution id of a `pipewright://executions/{id}` URI; undefined for any other. */
export function executionIdOf(uri: string): string | undefined {
  const [, kind, encoded] = WATCHED.exec(uri) ?? [];
  return kind === 'executions' && encoded !== undefined ? decodeURIComponent(encoded) : undefined;
}

export function watchable(backend: Backend, uri: string): Watchable {
  const [, kind, encoded] = WATCHED.exec(uri) ?? [];
  if (encoded === undefined) {
    throw new PipewrightError(
      'invalid_field',
      `${uri} does not change while the server runs; subscribe to pipewright://executions/{id} or pipewright://workflows/{id}`,
      {
        details: { field: 'uri' },
      },
    );
  }
  const id = decodeURIComponent(encoded);
  if (kind === 'executions') {
    return {
      intervalMs: EXECUTION_INTERVAL_MS,
      state: async () => {
        const view = await backend.pollExecution(id);
        const nodes = view.nodeStates.map((node) => [node.nodeId, node.status]);
        return { version: JSON.stringify([view.status, nodes]), final: FINISHED_EXECUTION_STATUSES.has(view.status) };
      },
    };
  }
  return {
    intervalMs: WORKFLOW_INTERVAL_MS,
    state: async () => {
      const workflow = await backend.getWorkflow(id);
      return { version: `${workflow.version} ${workflow.updatedAt}`, final: false };
    },
  };
}
