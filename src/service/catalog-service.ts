import { describeNodeTypes, type CatalogEntry, type NodeRegistry } from '../nodes/index.js';
import type { CatalogService } from './contracts.js';

/** The catalog is built once, on first use: describing a node type renders its JSON Schema. */
export function createCatalogService(registry: NodeRegistry): CatalogService {
  let nodes: CatalogEntry[] | undefined;
  return {
    nodes() {
      nodes ??= describeNodeTypes(registry.list());
      return { nodes };
    },
  };
}
