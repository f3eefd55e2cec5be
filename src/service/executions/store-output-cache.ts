import type { CachedOutcome, OutputCache } from '../../engine/index.js';
import type { Store } from '../../store/index.js';

export interface StoreOutputCacheOptions {
  store: Pick<Store, 'outputCache'>;
  now: () => Date;
  /** Entries kept at most; the least recently used go first. */
  maxEntries?: number;
  /** An entry unused this long is dropped. */
  maxAgeMs?: number;
}

const DEFAULT_MAX_ENTRIES = 10_000;
const DEFAULT_MAX_AGE_MS = 30 * 86_400_000;

/**
 * The engine's output cache in the store, shared by every process on it: what a `serve` ran, an
 * `mcp` or a short-lived embedded run serves again, so "execute again, completed nodes are cached"
 * holds across processes. Keys already carry the account (the engine's cache scope).
 */
export class StoreOutputCache implements OutputCache {
  readonly #maxEntries: number;
  readonly #maxAgeMs: number;

  constructor(private readonly options: StoreOutputCacheOptions) {
    this.#maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
    this.#maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  }

  async get(key: string): Promise<CachedOutcome | undefined> {
    // What set stored: the engine's own entry, written as JSON.
    return (await this.options.store.outputCache.get(key)) as CachedOutcome | undefined;
  }

  async set(key: string, entry: CachedOutcome): Promise<void> {
    const { outputCache } = this.options.store;
    await outputCache.put(key, entry);
    const usedBefore = new Date(this.options.now().getTime() - this.#maxAgeMs).toISOString();
    await outputCache.prune({ usedBefore, keep: this.#maxEntries });
  }
}
