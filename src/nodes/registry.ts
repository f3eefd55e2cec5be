import type { NodeCatalog } from '../graph/index.js';
import { PipewrightError } from '../errors/index.js';
import type { NodeType } from './node-type.js';

/** The node types a process knows. Both the validator (as a NodeCatalog) and the engine read it. */
export class NodeRegistry implements NodeCatalog {
  readonly #types = new Map<string, NodeType>();

  constructor(types: Iterable<NodeType> = []) {
    for (const type of types) this.register(type);
  }

  register(type: NodeType): this {
    if (this.#types.has(type.nodeType)) {
      throw new PipewrightError('duplicate_node_type', `Node type ${type.nodeType} is registered twice`);
    }
    this.#types.set(type.nodeType, type);
    return this;
  }

  get(nodeType: string): NodeType | undefined {
    return this.#types.get(nodeType);
  }

  list(): readonly NodeType[] {
    return [...this.#types.values()].sort((a, b) => a.nodeType.localeCompare(b.nodeType));
  }
}
