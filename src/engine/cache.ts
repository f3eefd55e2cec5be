import { createHash } from 'node:crypto';
import type { NodeOutputs } from '../nodes/node-type.js';
import type { OutputCache } from './contracts.js';
import { canonicalJson } from './canonical-json.js';

export interface CacheKeyParts {
  scope: string;
  nodeType: string;
  settings: Record<string, unknown>;
  inputs: Record<string, unknown>;
  /** Placeholders must never be served to a real run, nor real outputs to a dry one. */
  dryRun: boolean;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** The in-process default: least recently used entries go first once `maxEntries` is reached. */
export class MemoryOutputCache implements OutputCache {
  readonly #entries = new Map<string, NodeOutputs>();

  constructor(private readonly maxEntries = 1000) {}

  async get(key: string): Promise<NodeOutputs | undefined> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  async set(key: string, outputs: NodeOutputs): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, outputs);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
