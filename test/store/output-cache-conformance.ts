import { describe, expect, it } from 'vitest';
import type { CachedOutputRecord, Store } from '../../src/store/index.js';
import type { ManualClock } from './clock.js';

type Context = () => { store: Store; clock: ManualClock; another(): Promise<Store> };

const entry = (text: string): CachedOutputRecord => ({
  output: { text: [text, `${text}!`] },
  iterations: [
    { index: 0, status: 'COMPLETED', attempts: 0 },
    { index: 1, status: 'COMPLETED', attempts: 0 },
  ],
});

/** The shared output cache: part of the one suite every backend passes. */
export function describeOutputCacheStore(context: Context): void {
  describe('output cache', () => {
    it('gives back the entry stored under a key, as stored, until a later put replaces it', async () => {
      const { store } = context();
      expect(await store.outputCache.get('k')).toBeUndefined();
      await store.outputCache.put('k', entry('a'));
      expect(await store.outputCache.get('k')).toEqual(entry('a'));
      await store.outputCache.put('k', { output: { text: 'b' } });
      expect(await store.outputCache.get('k')).toEqual({ output: { text: 'b' } });
    });

    it('serves what another connection stored', async () => {
      const { store, another } = context();
      await store.outputCache.put('k', entry('a'));
      expect(await (await another()).outputCache.get('k')).toEqual(entry('a'));
    });

    it('prunes what went unused since a time, then all but the most recently used', async () => {
      const { store, clock } = context();
      const start = clock.now().getTime();
      const at = (seconds: number) => new Date(start + seconds * 1_000).toISOString();
      // a, b and c are stored at 0 s, 1 s and 2 s; a is used again at 3 s.
      for (const key of ['a', 'b', 'c']) {
        await store.outputCache.put(key, entry(key));
        clock.advance(1_000);
      }
      await store.outputCache.get('a');
      expect(await store.outputCache.prune({ usedBefore: at(0), keep: 3 })).toBe(0);
      expect(await store.outputCache.prune({ usedBefore: at(1.5), keep: 3 })).toBe(1);
      expect(await store.outputCache.get('b')).toBeUndefined();
      expect(await store.outputCache.prune({ usedBefore: at(0), keep: 1 })).toBe(1);
      expect(await store.outputCache.get('c')).toBeUndefined();
      expect(await store.outputCache.get('a')).toEqual(entry('a'));
    });

    it('keeps exactly as many as asked when they were last used at the same instant', async () => {
      const { store } = context();
      for (const key of ['x', 'y', 'z']) await store.outputCache.put(key, entry(key));
      expect(await store.outputCache.prune({ usedBefore: new Date(0).toISOString(), keep: 2 })).toBe(1);
      const kept = await Promise.all(['x', 'y', 'z'].map((key) => store.outputCache.get(key)));
      expect(kept.filter((hit) => hit !== undefined)).toHaveLength(2);
    });
  });
}
