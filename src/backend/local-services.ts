import { isPipewrightError, PipewrightError } from '../errors/index.js';
import { policyFor, type RunMode } from '../net/index.js';
import { createBuiltinRegistry, type NodeRegistry, type Providers } from '../nodes/index.js';
import { createProviders, providerSettingsFromEnv } from '../providers/index.js';
import {
  callbackSettingsFromEnv,
  createIdempotencyService,
  createServices,
  createWebhookOwners,
  importTemplatesOnFirstStart,
  leaseSettingsFromEnv,
  operatorLimitsFromEnv,
  type CreateServicesOptions,
  type IdempotencyService,
  type ImportTemplatesResult,
  type ServiceSettings,
  type Services,
  type WebhookOwners,
} from '../service/index.js';
import { closeExecutionPlumbing, type ExecutionPlumbing, openExecutionPlumbing } from './execution-plumbing.js';
import { openArtifactStore, openStore, type OpenedArtifactStore, type Store, storeSettingsFromEnv } from '../store/index.js';

/** The node types a process runs, with the providers whose keys are in its environment. */
export interface LocalCatalog {
  registry: NodeRegistry;
  providers: Providers;
}

export function localCatalog(env: NodeJS.ProcessEnv): LocalCatalog {
  const providers = createProviders(providerSettingsFromEnv(env));
  return { registry: createBuiltinRegistry({ providers }), providers };
}

export interface LocalRuntimeOptions {
  /** `PIPEWRIGHT_HOME`: the store (`pipewright.db`) and run outputs (`artifacts/`, unless the environment names another store). */
  home: string;
  /** Provider keys, the operator's network and file allowances and limits (`PIPEWRIGHT_EXECUTIONS_PER_DAY`, …) are read here. */
  env: NodeJS.ProcessEnv;
  /** `cli`: the user's own machine (local files, private addresses); `server`: workflows from anyone. */
  mode: RunMode;
  /** Its `limits` (the `serve` flags) come before the same limits in `env`. */
  settings: ServiceSettings;
  onExecutionError?: CreateServicesOptions['onExecutionError'];
  /** The services' clock (signed URL and key expiry, usage days); default the system's. Tests move it. */
  now?: CreateServicesOptions['now'];
  /**
   * Which executions this process runs: `own` (default: what it admits, and at start what dead
   * processes left — `mcp`, `run`); `worker` (those, and every execution nobody holds, claimed
   * from the store — `serve`, `worker`); `none` (`serve --no-worker`: it admits and runs nothing).
   */
  runs?: 'own' | 'worker' | 'none';
  /** Executions a `worker` runs at once. */
  concurrency?: number;
  /**
   * Told each failure of the store's background work on PostgreSQL (pg-boss, the cancel LISTEN
   * connection), which tries again by itself; default a line on stderr — never stdout, which
   * belongs to command output and to MCP over stdio.
   */
  onBackgroundError?: (error: unknown) => void;
}

/** What every command runs on: the services over the store under `home`, and the store's request records. */
export interface LocalRuntime {
  services: Services;
  idempotency: IdempotencyService;
  webhookOwners: WebhookOwners;
  /** The store's own connection, for the API's per-minute counters (`serve`). */
  storeConnection: Store['connection'];
  /** Lets running executions reach a stored state, then closes the store; once, however often it is asked. */
  close(): Promise<void>;
}

/**
 * The one place the runtime is assembled — store, providers, node registry, engine (inside the
 * services' dispatcher) and services — for `serve`, `mcp`, `run` and the commands that manage a home.
 */
export async function openLocalRuntime(options: LocalRuntimeOptions): Promise<LocalRuntime> {
  const settings = { ...options.settings, limits: { ...operatorLimitsFromEnv(options.env), ...options.settings.limits } };
  const { lease, pollMs } = leaseSettingsFromEnv(options.env);
  const store = await open(options.home, options.env);
  let files: OpenedArtifactStore | undefined;
  let plumbing: ExecutionPlumbing | undefined;
  let services: Services | undefined;
  try {
    // Our own absolute artifact URLs are read from the store; another host's are fetched.
    const origins = URL.canParse(settings.links.publicBaseUrl) ? [settings.links.publicBaseUrl] : [];
    files = await openArtifactStore({ home: options.home, env: options.env, origins });
    const { close: closeFiles } = files;
    const { registry, providers } = localCatalog(options.env);
    const onError = options.onBackgroundError ?? writeToStderr;
    plumbing = await openExecutionPlumbing({ ...options, store, lease, pollMs, onError });
    services = createServices({
      store,
      registry,
      providers,
      settings,
      artifacts: files.artifacts,
      policy: policyFor(options.mode, options.env),
      ...plumbing,
      lease,
      callbacks: callbackSettingsFromEnv(options.env),
      ...(options.onExecutionError && { onExecutionError: options.onExecutionError }),
      ...(options.now && { now: options.now }),
    });
    // Every process that runs executions or answers the API sends due callbacks, whoever ran the
    // execution; `mcp` and `run` (short-lived, the user's own) leave them to those (docs/events.md).
    if (options.runs === 'worker' || options.runs === 'none') services.callbacks.startSending();
    let closing: Promise<void> | undefined;
    const opened = services;
    return {
      services,
      idempotency: createIdempotencyService({ store }),
      webhookOwners: createWebhookOwners(store),
      storeConnection: store.connection,
      close: () =>
        (closing ??= opened.callbacks
          .stopSending()
          .then(() => opened.executions.shutdown())
          .finally(() => {
            closeFiles();
            return store.close();
          })),
    };
  } catch (error) {
    // No pg-boss or LISTEN connection outlives a failed start: the dispatcher owns them once it exists.
    if (services !== undefined) await services.executions.shutdown();
    else if (plumbing !== undefined) await closeExecutionPlumbing(plumbing);
    files?.close();
    await store.close();
    throw error;
  }
}

function writeToStderr(error: unknown): void {
  process.stderr.write(`pipewright: background database work failed, retrying: ${error instanceof Error ? error.message : String(error)}\n`);
}

export interface StartUp {
  bootstrap: Awaited<ReturnType<Services['accounts']['bootstrap']>>;
  /** Set on the first start only, when the bundled templates were imported. */
  templates: ImportTemplatesResult | undefined;
  /** Executions a dead process left unfinished, now running again. */
  resumed: number;
}

/**
 * What every start on a home does, in this order: the default account (and, on the first start,
 * its admin key and the bundled templates), then the executions dead processes left unfinished.
 */
export async function startUp(services: Services, options: { apiKey?: string | undefined; templatesDir: string }): Promise<StartUp> {
  const bootstrap = await services.accounts.bootstrap(options.apiKey === undefined ? {} : { apiKey: options.apiKey });
  const templates = await importTemplatesOnFirstStart({ workflows: services.workflows, bootstrap, dir: options.templatesDir });
  const resumed = await services.executions.resumeUnfinished();
  return { bootstrap, templates, resumed };
}

async function open(home: string, env: NodeJS.ProcessEnv): Promise<Store> {
  const settings = storeSettingsFromEnv(env);
  try {
    return await openStore({ home, ...settings });
  } catch (error) {
    if (isPipewrightError(error)) throw error;
    // The URL is not repeated: it may hold the database's password.
    const where = settings.databaseUrl === undefined ? `under ${home}` : 'on the PostgreSQL database of PIPEWRIGHT_DATABASE_URL';
    throw new PipewrightError('store_unavailable', `Could not open the pipewright store ${where}: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
