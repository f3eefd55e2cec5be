import type { Logger } from 'pino';
import { type ApiSettings, createApp, startServer } from '../../api/index.js';
import { createBuiltinRegistry } from '../../nodes/index.js';
import { createServices, type ServiceSettings } from '../../service/index.js';
import { openStore } from '../../store/index.js';

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
  services?: Omit<ServiceSettings, 'publicBaseUrl'>;
  graceMs?: number;
}

export interface BootedServer {
  url: string;
  /** Set only on the first start, when the admin key was generated: show it once. */
  newAdminKey?: string;
  /** Finishes in-flight requests, then closes the store. */
  close(): Promise<void>;
}

/**
 * Store, server, services, app. The services need the public URL (duplicate's `url`,
 * `webhookUrl`), which `--port 0` only knows once bound, so the server starts with a fetch that
 * defers to the app. The app is assigned synchronously in the continuation of the listen — a
 * microtask, which runs before Node accepts any connection — so no request sees it missing.
 */
export async function bootServer(options: BootOptions): Promise<BootedServer> {
  const store = await openStore({ home: options.home });
  let app: ReturnType<typeof createApp> | undefined;
  const server = await cleanUpOnError(() => store.close(), () => startServer({
    app: { fetch: (request, env) => app!.fetch(request, env) },
    host: options.host,
    port: options.port,
    ...(options.graceMs !== undefined && { graceMs: options.graceMs }),
  }));
  const close = async () => {
    await server.close();
    await store.close();
  };
  return cleanUpOnError(close, async () => {
    const settings: ServiceSettings = { ...options.services, publicBaseUrl: options.publicBaseUrl ?? server.url };
    const services = createServices({ store, registry: createBuiltinRegistry(), settings });
    app = createApp({ services, logger: options.logger, ...(options.api && { settings: options.api }) });
    const bootstrap = await services.accounts.bootstrap(options.apiKey === undefined ? {} : { apiKey: options.apiKey });
    return { url: server.url, close, ...(bootstrap.key !== undefined && { newAdminKey: bootstrap.key }) };
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
