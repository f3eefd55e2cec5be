import type { ApiKeyRecord } from '../../store/index.js';
import type { Plan } from '../principal.js';

export interface CachedKey {
  key: ApiKeyRecord;
  plan: Plan;
}

interface Entry extends CachedKey {
  /** When this entry stops being trusted (ms since epoch). */
  freshUntil: number;
}

/**
 * Key hash → what the store said about it, for a few seconds, so a hot route costs one hash and
 * one map lookup. Revocation in this process evicts at once; another process's revocation
 * (the `keys revoke` CLI) takes effect within `ttlMs`.
 */
export class AuthCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;

  constructor(options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 5_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
  }

  get(hash: string, nowMs: number): CachedKey | undefined {
    const entry = this.#entries.get(hash);
    if (entry && entry.freshUntil > nowMs) return entry;
    if (entry) this.#entries.delete(hash);
    return undefined;
  }

  set(hash: string, entry: CachedKey, nowMs: number): void {
    // Many distinct valid keys in a few seconds is unusual; starting over bounds the memory.
    if (this.#entries.size >= this.#maxEntries) this.#entries.clear();
    this.#entries.set(hash, { ...entry, freshUntil: nowMs + this.#ttlMs });
  }

  evict(hash: string): void {
    this.#entries.delete(hash);
  }
}
