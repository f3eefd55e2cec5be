import type { NodeRegistry } from '../nodes/index.js';
import type { Store } from '../store/index.js';
import type { Services } from './contracts.js';
import { createAccountService } from './accounts-service.js';
import { AuthCache } from './auth/auth-cache.js';
import { createAuthService } from './auth/auth-service.js';
import { createCatalogService } from './catalog-service.js';
import { createHealthService } from './health-service.js';
import { createKeyService } from './keys-service.js';
import type { ServiceSettings } from './settings.js';
import { createUsageService } from './usage-service.js';
import { createLinks } from './workflows/links.js';
import { createWorkflowService } from './workflows/workflow-service.js';

export interface CreateServicesOptions {
  store: Store;
  registry: NodeRegistry;
  settings: ServiceSettings;
  /** The clock for expiry and usage days; tests move it. */
  now?: () => Date;
}

/** Builds every use case once, at start, over one store. The faces receive the result. */
export function createServices(options: CreateServicesOptions): Services {
  const { store, registry, settings } = options;
  const now = options.now ?? (() => new Date());
  // Shared so that a revocation through `keys` is seen by `auth` at once.
  const cache = new AuthCache();
  return {
    auth: createAuthService({ store, cache, now }),
    keys: createKeyService({ store, cache, now }),
    accounts: createAccountService({ store, settings, now }),
    workflows: createWorkflowService({ store, catalog: registry, links: createLinks(settings.publicBaseUrl) }),
    catalog: createCatalogService(registry),
    usage: createUsageService({ store, settings, now }),
    health: createHealthService(store),
  };
}
