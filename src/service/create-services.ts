import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { policyFor, type SecurityPolicy } from '../net/index.js';
import type { ArtifactStore } from '../artifacts/index.js';
import type { NodeRegistry, Providers } from '../nodes/index.js';
import { LocalArtifactStore, type Store } from '../store/index.js';
import type { Services } from './contracts.js';
import { createAccountService } from './accounts-service.js';
import { createArtifactLinkService } from './artifacts/index.js';
import { AuthCache } from './auth/auth-cache.js';
import { createAuthService } from './auth/auth-service.js';
import { createCallbackService, DEFAULT_CALLBACK_SETTINGS, type CallbackSettings } from './callbacks/index.js';
import { createCatalogService } from './catalog-service.js';
import { Dispatcher, type DispatcherOptions } from './executions/dispatcher.js';
import { createExecutionService } from './executions/execution-service.js';
import { InProcessQueue, type ExecutionQueue } from './executions/queue.js';
import { createHealthService } from './health-service.js';
import { createKeyService } from './keys-service.js';
import { DEFAULT_ARTIFACT_URL_TTL_SECONDS, type ServiceSettings } from './settings.js';
import { createUsageService } from './usage-service.js';
import { createWorkflowService } from './workflows/workflow-service.js';

export interface CreateServicesOptions {
  store: Store;
  registry: NodeRegistry;
  settings: ServiceSettings;
  /** The clock for expiry and usage days; tests move it. */
  now?: () => Date;
  /** `PIPEWRIGHT_HOME`: run outputs are kept in `<home>/artifacts`. Without it (and without `artifacts`), in the temp folder. */
  home?: string;
  /** Where run outputs' bytes go; default a local folder under `home`. */
  artifacts?: ArtifactStore;
  /** Where accepted executions wait for a worker; default in-process. */
  queue?: ExecutionQueue;
  /** What workflows may reach; default server mode (`policyFor('server')`, docs/security.md). */
  policy?: SecurityPolicy;
  /** Engine limits, retries and output cache. */
  engine?: DispatcherOptions['engine'];
  shutdownGraceMs?: number;
  /** Providers configured here (keys from the environment): lint warns and execute refuses when a model node's is missing. */
  providers?: Providers;
  onExecutionError?: DispatcherOptions['onError'];
  /** How cancels recorded by other processes reach the executions this one runs; default: polling the store. */
  cancelFeed?: DispatcherOptions['cancelFeed'];
  /** How long this process holds what it runs without renewing; default 30 s, renewed every 10 s. */
  lease?: DispatcherOptions['lease'];
  /** How completion callbacks are sent (timeout, redelivery waits, store poll); default docs/events.md's. */
  callbacks?: CallbackSettings;
}

/** Builds every use case once, at start, over one store. The faces receive the result. */
export function createServices(options: CreateServicesOptions): Services {
  const { store, registry, settings } = options;
  const now = options.now ?? (() => new Date());
  // Shared so that a revocation through `keys` is seen by `auth` at once.
  const cache = new AuthCache();
  const { links } = settings;
  const policy = options.policy ?? policyFor('server');
  const dispatcher = createDispatcher({ ...options, policy }, now);
  const artifacts = createArtifactLinkService({
    store,
    artifacts: dispatcher.artifacts,
    now,
    ttlSeconds: settings.artifactUrlTtlSeconds ?? DEFAULT_ARTIFACT_URL_TTL_SECONDS,
  });
  const callbackSettings = options.callbacks ?? DEFAULT_CALLBACK_SETTINGS;
  const callbacks = createCallbackService({
    store,
    policy,
    settings: callbackSettings,
    urls: { links, artifacts },
    now,
  });
  return {
    auth: createAuthService({ store, cache, now }),
    keys: createKeyService({ store, cache, now }),
    accounts: createAccountService({ store, settings, now }),
    workflows: createWorkflowService({ store, catalog: registry, links, ...(options.providers && { providers: options.providers }) }),
    catalog: createCatalogService(registry),
    usage: createUsageService({ store, settings, now }),
    health: createHealthService(store),
    artifacts,
    callbacks,
    executions: createExecutionService({
      store,
      registry,
      settings,
      links,
      now,
      dispatcher,
      policy,
      triggerCallbacks: callbackSettings.onTriggers,
      ...(options.providers && { providers: options.providers }),
    }),
  };
}

/** One engine per process: its process-wide concurrency limit is shared by every execution. */
function createDispatcher(options: CreateServicesOptions & { policy: SecurityPolicy }, now: () => Date): Dispatcher {
  const artifacts =
    options.artifacts ??
    new LocalArtifactStore({
      dir: join(options.home ?? tmpdir(), options.home === undefined ? 'pipewright-artifacts' : 'artifacts'),
      // Our own absolute artifact URLs are read from the folder; another host's are fetched.
      origins: URL.canParse(options.settings.links.publicBaseUrl) ? [options.settings.links.publicBaseUrl] : [],
    });
  return new Dispatcher({
    store: options.store,
    registry: options.registry,
    policy: options.policy,
    artifacts,
    queue: options.queue ?? new InProcessQueue(),
    now,
    ...(options.engine && { engine: options.engine }),
    ...(options.shutdownGraceMs !== undefined && { shutdownGraceMs: options.shutdownGraceMs }),
    ...(options.onExecutionError && { onError: options.onExecutionError }),
    ...(options.cancelFeed && { cancelFeed: options.cancelFeed }),
    ...(options.lease && { lease: options.lease }),
  });
}
