import { join } from 'node:path';
import type { Logger } from 'pino';
import { type ApiSettings, loadRestServer, type RateLimiter, type RestServer, restLinks } from '../../api/index.js';
import type { ArtifactUrlRenderer, IdempotencyService, ServiceSettings, Services } from '../../service/index.js';
import { type LocalRuntime, openLocalRuntime, servicesBackend, startUp } from '../../backend/index.js';
import { createMcpHttpHandler } from '../../mcp/index.js';
import { version } from '../version.js';
import { bundledTemplatesDir, PACKAGE_ROOT } from '../../skill/index.js';
import { listenFailure } from './listen-failure.js';

export interface BootOptions {
  home: string;
  host: string;
  port: number;
  logger: Logger;
  /** The first start's admin key (`PIPEWRIGHT_API_KEY`); generated when absent. */
  apiKey?: string;
  /** Where clients reach the server (behind a proxy); defaults to the bound address. */
  publicBaseUrl?: string;
  api?: Partial<ApiSettings>;
  services?: Omit<ServiceSettings, 'links'>;
  graceMs?: number;
  /**
   * Where provider credentials (`FAL_KEY`, `OPENAI_BASE_URL`, …) and the operator's network and
   * file allowances (`PIPEWRIGHT_ALLOW_PRIVATE_NETWORK`, …) are read. Default `process.env`.
   */
  env?: NodeJS.ProcessEnv;
  /** False (`serve --no-worker`): the API only; what it admits waits QUEUED for a `pipewright worker`. Default true. */
  worker?: boolean;
  /** The services' clock; default the system's. Tests move it instead of waiting. */
  now?: () => Date;
}

export interface BootedServer {
  url: string;
  /** Set only on the first start, when the admin key was generated: show it once. */
  newAdminKey?: string;
  /** Finishes in-flight requests, lets running executions reach a stored state, closes the store. */
  close(): Promise<void>;
}

type App = ReturnType<RestServer['createApp']>;

/**
 * Server, runtime, app. The services need the public URL (duplicate's `url`, `webhookUrl`),
 * which `--port 0` only knows once bound, so the server starts with a fetch that waits for the
 * app. The app is released only after executions a dead process left behind are resumed, so
 * nothing new is accepted before the old work is back in hand.
 */
export async function bootServer(options: BootOptions): Promise<BootedServer> {
  const env = options.env ?? process.env;
  let ready!: (app: App) => void;
  const app = new Promise<App>((resolve) => (ready = resolve));
  const rest = await loadRestServer();
  const server = await rest
    .startServer({
      app: { fetch: async (request, env) => (await app).fetch(request, env) },
      host: options.host,
      port: options.port,
      ...(options.graceMs !== undefined && { graceMs: options.graceMs }),
    })
    .catch((error: unknown) => {
      throw listenFailure(error, options.host, options.port);
    });
  let runtime: LocalRuntime | undefined;
  let stopPruning: (() => void) | undefined;
  // Told first, so that open event streams end and their connections can close with the rest.
  const closing = new AbortController();
  const close = async () => {
    closing.abort();
    await server.close();
    stopPruning?.();
    await runtime?.close();
  };
  return cleanUpOnError(close, async () => {
    const settings: ServiceSettings = { ...options.services, links: restLinks(options.publicBaseUrl ?? server.url) };
    runtime = await openLocalRuntime({
      home: options.home,
      env,
      mode: 'server',
      settings,
      runs: options.worker === false ? 'none' : 'worker',
      onExecutionError: (err, executionId) => options.logger.error({ err, executionId }, 'execution stopped on a fault'),
      onBackgroundError: (err) => options.logger.error({ err }, 'background database work failed, retrying'),
      ...(options.now && { now: options.now }),
    });
    // REST and /mcp hand out the same signed URLs under the public base.
    const artifactUrls = rest.restArtifactUrls({ publicBaseUrl: settings.links.publicBaseUrl, links: runtime.services.artifacts });
    // Counted in the store, so the budgets hold across every `serve` on it.
    const storeLimiter = runtime.storeConnection && (await rest.storeRateLimiter(runtime.storeConnection));
    stopPruning = storeLimiter?.close;
    const rateLimiter = storeLimiter ?? rest.memoryRateLimiter();
    const restApp = createRestApp({
      rest,
      runtime,
      artifactUrls,
      rateLimiter,
      options,
      env,
      publicBaseUrl: settings.links.publicBaseUrl,
      closing: closing.signal,
    });
    const { bootstrap, templates, resumed } = await startUp(runtime.services, { apiKey: options.apiKey, templatesDir: bundledTemplatesDir() });
    if (templates) options.logger.info({ imported: templates.imported.length }, 'first start: imported the bundled templates');
    if (bootstrap.keyAdded) options.logger.info('PIPEWRIGHT_API_KEY was not a key of this store: added it as an admin key');
    if (resumed > 0) options.logger.info({ resumed }, 'resumed unfinished executions');
    ready(restApp);
    return { url: server.url, close, ...(bootstrap.key !== undefined && { newAdminKey: bootstrap.key }) };
  });
}

interface RestAppDeps {
  rest: RestServer;
  runtime: LocalRuntime;
  artifactUrls: ArtifactUrlRenderer;
  /** One limiter for REST and /mcp, so an execution started either way spends the same budget. */
  rateLimiter: RateLimiter;
  options: BootOptions;
  env: NodeJS.ProcessEnv;
  publicBaseUrl: string;
  closing: AbortSignal;
}

function createRestApp({ rest, runtime, artifactUrls, rateLimiter, options, env, publicBaseUrl, closing }: RestAppDeps): App {
  const { services, idempotency, webhookOwners } = runtime;
  return rest.createApp({
    services,
    idempotency,
    webhookOwners,
    logger: options.logger,
    artifactUrls,
    rateLimiter,
    closing,
    ...(options.api && { settings: options.api }),
    // The run viewer, built by `npm run build` into the package's dist/app.
    viewer: { dir: join(PACKAGE_ROOT, 'dist', 'app'), publicBaseUrl },
    mounts: [
      {
        path: '/mcp',
        fetch: mcpOverHttp({ rest, services, idempotency, rateLimiter, artifactUrls, logger: options.logger, env, publicBaseUrl }),
        chargesPerCall: true,
      },
    ],
  });
}

/**
 * MCP over Streamable HTTP at `/mcp`, acting as the caller's key: the REST chain has already
 * refused a missing or bad key; the backend is built per request from the same key, so the
 * services check its scopes exactly as they do for REST, and its budgets are REST's: a tool call
 * spends one request of the key, an execution one of the account.
 */
function mcpOverHttp(deps: {
  rest: Pick<RestServer, 'spendExecution' | 'spendRequest'>;
  services: Services;
  idempotency: IdempotencyService;
  rateLimiter: RateLimiter;
  artifactUrls: ArtifactUrlRenderer;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  publicBaseUrl: string;
}) {
  const { rest, services, idempotency, rateLimiter, artifactUrls, logger, env, publicBaseUrl } = deps;
  const budgets = { limiter: rateLimiter, usage: services.usage };
  return createMcpHttpHandler({
    version: version(),
    allowedOrigins: (env.PIPEWRIGHT_MCP_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    templatesDir: bundledTemplatesDir(),
    artifactUrls,
    viewerServerUrl: publicBaseUrl,
    backendFor: async (request) => {
      const principal = await services.auth.authenticate(request.headers.get('authorization') ?? undefined);
      const beforeExecute = () => rest.spendExecution(budgets, principal);
      return {
        backend: servicesBackend({ services, idempotency, principal, beforeExecute }),
        caller: principal.keyId,
        spendToolCall: () => rest.spendRequest(budgets, principal),
      };
    },
    onError: (err) => logger.error({ err }, 'mcp request failed'),
  });
}

async function cleanUpOnError<T>(cleanUp: () => Promise<void>, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
