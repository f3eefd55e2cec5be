import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/index.js';

type Context = () => { store: Store; another: () => Promise<Store> };

/** Server secrets: part of the one suite every backend passes. */
export function describeSecretStore(context: Context): void {
  describe('server secrets', () => {
    it('keeps the first candidate and hands it to every later caller', async () => {
      const { store } = context();
      expect(await store.secrets.getOrCreate('signing', 'first')).toBe('first');
      expect(await store.secrets.getOrCreate('signing', 'second')).toBe('first');
      expect(await store.secrets.getOrCreate('other', 'third')).toBe('third');
    });

    it('replaces a secret only while it still holds the value the caller read: of two rotations, one wins', async () => {
      const { store, another } = context();
      const second = await another();
      await store.secrets.getOrCreate('rotating', 'v1');
      const [a, b] = await Promise.all([store.secrets.replace('rotating', 'v1', 'v2-a'), second.secrets.replace('rotating', 'v1', 'v2-b')]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      expect(await store.secrets.getOrCreate('rotating', 'ignored')).toBe(a ? 'v2-a' : 'v2-b');
      expect(await store.secrets.replace('missing', 'v1', 'v2')).toBe(false);
    });

    it('gives two connections starting at once the same secret', async () => {
      const { store, another } = context();
      const second = await another();
      const [a, b] = await Promise.all([store.secrets.getOrCreate('raced', 'from-a'), second.secrets.getOrCreate('raced', 'from-b')]);
      expect(a).toBe(b);
      expect(await second.secrets.getOrCreate('raced', 'late')).toBe(a);
    });
  });
}
