import { describeNodeTypes, modelEntryOf, type CatalogEntry } from '../nodes/index.js';
import { localCatalog } from './local-services.js';

/** Where a model node type runs, and whether this process can call it. */
export interface ModelPlacement {
  provider: string;
  endpoint: string;
  /** The provider's key (or base URL) is in the environment. */
  configured: boolean;
}

export interface NodeListing {
  /** The catalog in the shape of `GET /nodes`. */
  nodes: CatalogEntry[];
  /** Undefined for node types that call no model. */
  modelOf(nodeType: string): ModelPlacement | undefined;
}

/** The node types this process runs, described for a reader, with the providers configured in `env`. */
export function localNodeListing(env: NodeJS.ProcessEnv): NodeListing {
  const { registry, providers } = localCatalog(env);
  return {
    nodes: describeNodeTypes(registry.list()),
    modelOf(nodeType) {
      const model = modelEntryOf(registry.get(nodeType));
      return model && { provider: model.provider, endpoint: model.endpoint, configured: providers.get(model.provider)?.configured() === true };
    },
  };
}
