import type { UsageView, CatalogEntry } from '../service/index.js';
import { artifactsApi, type ArtifactsApi } from './artifacts.js';
import { executionsApi, type ExecutionsApi } from './executions.js';
import { clientSettings, type ClientOptions } from './options.js';
import { data, route } from './route.js';
import { createRestTransport } from './transport.js';
import type { Health, RequestOptions } from './types.js';
import { workflowsApi, type WorkflowsApi } from './workflows.js';

export interface PipewrightClient {
  workflows: WorkflowsApi;
  executions: ExecutionsApi;
  artifacts: ArtifactsApi;
  /** The node catalog (`GET /nodes`), as a list. */
  nodes(options?: RequestOptions): Promise<CatalogEntry[]>;
  /** Credits: balance, today's use, per-day history, plan limits. */
  usage(options?: RequestOptions): Promise<UsageView>;
  /** Liveness; a store that does not answer is a 503, thrown as `unavailable` after the retries. */
  health(options?: RequestOptions): Promise<Health>;
  /** Closes the client's connection pool once in-flight calls finish; the client is unusable after. */
  close(): Promise<void>;
}

/** A typed client for a pipewright (or compatible) REST API. Options are checked here, once. */
export function createClient(options: ClientOptions): PipewrightClient {
  const settings = clientSettings(options);
  const transport = createRestTransport(settings);
  const call = route(transport);
  return {
    workflows: workflowsApi(transport),
    executions: executionsApi(transport, settings),
    artifacts: artifactsApi(transport),
    nodes: async (options) => (await call<{ nodes: CatalogEntry[] }>('GET', '/nodes', options)).nodes,
    usage: async (options) => data(await call('GET', '/developer/usage', options)),
    health: (options) => call('GET', '/healthz', options),
    close: () => transport.close(),
  };
}
