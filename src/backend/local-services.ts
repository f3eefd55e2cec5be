import { policyFor, type RunMode } from '../net/index.js';
import { createBuiltinRegistry } from '../nodes/index.js';
import { createProviders, providerSettingsFromEnv } from '../providers/index.js';
import { createServices, type CreateServicesOptions, type ServiceSettings, type Services, importTemplatesOnFirstStart, type ImportTemplatesResult } from '../service/index.js';
import type { Store } from '../store/index.js';

export interface LocalServicesOptions {
  store: Store;
  /** `PIPEWRIGHT_HOME`: run outputs go under `<home>/artifacts`. */
  home: string;
  /** Provider keys and the operator's network and file allowances are read here. */
  env: NodeJS.ProcessEnv;
  /** `cli`: the user's own machine (local files, private addresses); `server`: workflows from anyone. */
  mode: RunMode;
  settings: ServiceSettings;
  onExecutionError?: CreateServicesOptions['onExecutionError'];
}

/** The services over `store`, with the built-in node types and the providers whose keys are in `env`. */
export function localServices({ store, home, env, mode, settings, onExecutionError }: LocalServicesOptions): Services {
  const providers = createProviders(providerSettingsFromEnv(env));
  const registry = createBuiltinRegistry({ providers });
  return createServices({ store, registry, providers, settings, home, policy: policyFor(mode, env), ...(onExecutionError && { onExecutionError }) });
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
