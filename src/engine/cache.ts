import { createHash } from 'node:crypto';
import type { CachedOutcome, OutputCache } from './contracts.js';
import type { IterationState } from './states.js';
import { canonicalJson } from './canonical-json.js';

export interface CacheKeyParts {
  scope: string;
  nodeType: string;
  settings: Record<string, unknown>;
  /**
   * The one input set, or one per item when a list fanned out: the same list can be a single
   * value (a JSON array read as text) or items to run one by one, and the two must not share a key.
   */
  inputs: Record<string, unknown> | Array<Record<string, unknown>>;
  /** Placeholders must never be served to a real run, nor real outputs to a dry one. */
  dryRun: boolean;
}

export function cacheKey(parts: CacheKeyParts): string {
  return createHash('sha256').update(canonicalJson(parts)).digest('hex');
}

/** What a later hit yields: the outputs and every item, none of which runs (or is attempted) again. */
export function cacheEntry(outcome: { output: CachedOutcome['output']; iterations?: IterationState[] | undefined }): CachedOutcome {
  if (outcome.iterations === undefined) return { output: outcome.output };
  return { output: outcome.output, iterations: outcome.iterations.map(({ index, status }) => ({ index, status, attempts: 0 })) };
}

/** The in-process default: least recently used entries go first once `maxEntries` is reached. */
export class MemoryOutputCache implements OutputCache {
  readonly #entries = new Map<string, CachedOutcome>();

  constructor(private readonly maxEntries = 1000) {}

  async get(key: string): Promise<CachedOutcome | undefined> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
    }
    return hit;
  }

  async set(key: string, entry: CachedOutcome): Promise<void> {
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}
