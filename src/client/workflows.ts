import type {
  DuplicateBody,
  LintBody,
  LintResult,
  Page,
  SaveResult,
  WorkflowSummary,
  WorkflowView,
  EstimateView,
  ExecuteAccepted,
  RunAccepted,
  RunDescription,
} from '../service/index.js';
import { data, path, route } from './route.js';
import type { RestTransport } from './transport.js';
import type { ExecuteBody, NodePatch, PostOptions, RequestOptions, RunBody, WorkflowInput, WorkflowListQuery } from './types.js';

export interface WorkflowVersion {
  version: number;
  updatedAt: string;
  note: string | null;
}

export interface WebhookRotation {
  workflowId: string;
  webhookId: string;
  webhookUrl: string;
}

/** `/workflows…`: each method is one request; compat envelopes are unwrapped to the value. */
export interface WorkflowsApi {
  list(query?: WorkflowListQuery, options?: RequestOptions): Promise<Page<WorkflowSummary>>;
  create(workflow: WorkflowInput, options?: PostOptions): Promise<SaveResult>;
  get(id: string, options?: RequestOptions): Promise<WorkflowView>;
  /** A new version; with `baseUpdatedAt`, `stale_write` (409) when the workflow changed since. */
  replace(id: string, workflow: WorkflowInput, options?: RequestOptions): Promise<SaveResult>;
  patchNode(id: string, nodeId: string, patch: NodePatch, options?: RequestOptions): Promise<{ node: unknown; updatedAt: string }>;
  delete(id: string, options?: RequestOptions): Promise<{ id: string; deleted: true }>;
  duplicate(id: string, body?: DuplicateBody, options?: PostOptions): Promise<{ id: string; name: string; url: string }>;
  /** Any JSON: the verdict is the result, never an error. */
  lint(graph: LintBody, options?: PostOptions): Promise<LintResult>;
  versions(id: string, options?: RequestOptions): Promise<WorkflowVersion[]>;
  version(id: string, version: number, options?: RequestOptions): Promise<WorkflowView>;
  restore(id: string, version: number, options?: PostOptions): Promise<WorkflowView>;
  estimate(id: string, body?: ExecuteBody, options?: PostOptions): Promise<EstimateView>;
  execute(id: string, body?: ExecuteBody, options?: PostOptions): Promise<ExecuteAccepted>;
  describeRun(id: string, options?: RequestOptions): Promise<RunDescription>;
  run(id: string, body?: RunBody, options?: PostOptions): Promise<RunAccepted>;
  rotateWebhook(id: string, options?: PostOptions): Promise<WebhookRotation>;
}

export function workflowsApi(transport: RestTransport): WorkflowsApi {
  const call = route(transport);
  const at = (id: string, ...rest: Array<string | number>) => path('workflows', id, ...rest);

  return {
    list: (query = {}, options) => call<Page<WorkflowSummary>>('GET', '/workflows', options, { query: { ...query } }),
    create: async (workflow, options) => saved(await call('POST', '/workflows', options, { body: workflow })),
    get: (id, options) => call<WorkflowView>('GET', at(id), options),
    replace: async (id, workflow, options) => saved(await call('PUT', at(id), options, { body: workflow })),
    patchNode: async (id, nodeId, patch, options) => data(await call('PATCH', at(id, 'nodes', nodeId), options, { body: patch })),
    delete: async (id, options) => data(await call('DELETE', at(id), options)),
    duplicate: async (id, body = {}, options) => data(await call('POST', at(id, 'duplicate'), options, { body })),
    lint: async (graph, options) => data(await call('POST', '/workflows/lint', options, { body: graph })),
    versions: async (id, options) => data(await call('GET', at(id, 'versions'), options)),
    version: (id, version, options) => call<WorkflowView>('GET', at(id, 'versions', version), options),
    restore: async (id, version, options) => data(await call('POST', at(id, 'versions', version, 'restore'), options)),
    estimate: async (id, body = {}, options) => data(await call('POST', at(id, 'estimate'), options, { body })),
    execute: (id, body = {}, options) => call<ExecuteAccepted>('POST', at(id, 'execute'), options, { body }),
    describeRun: async (id, options) => data(await call('GET', at(id, 'run'), options)),
    run: (id, body = {}, options) => call<RunAccepted>('POST', at(id, 'run'), options, { body }),
    rotateWebhook: async (id, options) => data(await call('POST', at(id, 'webhook', 'rotate'), options)),
  };
}

function saved(reply: { data: WorkflowView; meta: SaveResult['meta'] }): SaveResult {
  return { workflow: reply.data, meta: reply.meta };
}
