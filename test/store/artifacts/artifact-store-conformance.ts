import { describe, expect, it } from 'vitest';
import type { ArtifactStore } from '../../../src/artifacts/index.js';
import { OwnedArtifactStore } from '../../../src/service/executions/index.js';
import type { ArtifactRecord } from '../../../src/store/index.js';

const bytes = new Uint8Array([1, 2, 3, 4]);

/** A store of the kind under test; `again` opens another instance on the same files (a restart, another process). */
export interface OpenedArtifactStore {
  store: ArtifactStore;
  again(): ArtifactStore | Promise<ArtifactStore>;
}
export type OpenArtifactStore = (options: { origins?: string[] }) => Promise<OpenedArtifactStore>;

/**
 * What every ArtifactStore does alike (src/artifacts/artifact-store.ts), written against the
 * interface only: a run's outputs, their references and who may read them must not change with
 * where the bytes are kept.
 */
export function describeArtifactStore(name: string, open: OpenArtifactStore): void {
  describe(`${name}: the ArtifactStore contract`, () => {
    it('stores bytes under a fresh id, named by a reference, with the normalised type and the size', async () => {
      const { store } = await open({});
      const artifact = await store.put({ bytes, contentType: 'image/PNG; charset=binary' });
      expect(artifact.id).toMatch(/^art_[0-9a-f]{24}$/);
      expect(artifact).toEqual({ id: artifact.id, contentType: 'image/png', size: 4, url: `pipewright://artifacts/${artifact.id}` });
      expect((await store.put({ bytes, contentType: 'image/png' })).id).not.toBe(artifact.id);
    });

    it('reads an artifact back from another instance, bytes, type and size', async () => {
      const { store, again } = await open({});
      const first = await store.put({ bytes, contentType: 'video/mp4', accountId: 'acc_1' });
      const read = await (await again()).get(first.id);
      expect(read).toEqual({ ...first, bytes: expect.any(Uint8Array) });
      expect([...read!.bytes]).toEqual([...bytes]);
    });

    it('keeps unknown content types and stores a type that is no media type as octet-stream', async () => {
      const { store } = await open({});
      const thing = await store.put({ bytes, contentType: 'application/x-thing' });
      expect((await store.get(thing.id))?.contentType).toBe('application/x-thing');
      const bad = await store.put({ bytes, contentType: 'text/html\r\nSet-Cookie: x' });
      expect(bad.contentType).toBe('application/octet-stream');
      expect((await store.get(bad.id))?.contentType).toBe('application/octet-stream');
    });

    it('stores an empty file', async () => {
      const { store } = await open({});
      const empty = await store.put({ bytes: new Uint8Array(), contentType: 'text/plain' });
      expect(await store.get(empty.id)).toMatchObject({ size: 0, contentType: 'text/plain' });
    });

    it('recognises its references and the relative URLs older records hold', async () => {
      const { store } = await open({});
      const { id, url } = await store.put({ bytes, contentType: 'image/jpeg' });
      expect(store.idFromUrl(url)).toBe(id);
      expect(store.idFromUrl(`/api/v1/artifacts/${id}`)).toBe(id);
      expect(store.idFromUrl(`pipewright://artifacts/${id}/x`)).toBeUndefined();
      expect(store.idFromUrl(`https://example.com/images/${id}.webp`)).toBeUndefined();
      expect(store.idFromUrl('/api/v1/artifacts/../secrets')).toBeUndefined();
      expect(store.idFromUrl('not a url at all')).toBeUndefined();
    });

    it('takes an absolute artifact URL, signed or not, as its own only on a configured origin', async () => {
      const { store } = await open({ origins: ['https://pw.example/some/base'] });
      const { id } = await store.put({ bytes, contentType: 'image/png' });
      expect(store.idFromUrl(`https://pw.example/api/v1/artifacts/${id}?exp=1&sig=x`)).toBe(id);
      expect(store.idFromUrl(`HTTPS://PW.example:443/some/base/api/v1/artifacts/${id}`)).toBe(id);
      // Another pipewright's artifact (or any host's look-alike path) is a URL to fetch, not an id of ours.
      for (const foreign of [
        `https://other.example/api/v1/artifacts/${id}`,
        `http://pw.example/api/v1/artifacts/${id}`,
        `https://pw.example:8443/api/v1/artifacts/${id}`,
        `//other.example/api/v1/artifacts/${id}`,
        `\\\\other.example/api/v1/artifacts/${id}`,
        `/\t/other.example/api/v1/artifacts/${id}`,
      ]) {
        expect(store.idFromUrl(foreign), foreign).toBeUndefined();
      }
      const { store: noOrigins } = await open({});
      expect(noOrigins.idFromUrl(`https://pw.example/api/v1/artifacts/${id}`)).toBeUndefined();
    });

    it('refuses an origin that is not an absolute URL', async () => {
      await expect(open({ origins: ['pw.example'] })).rejects.toThrow(/not an absolute URL/);
    });

    it('answers undefined for unknown and malformed ids', async () => {
      const { store } = await open({});
      expect(await store.get('art_000000000000000000000000')).toBeUndefined();
      for (const id of ['../x', 'art_../../etc/passwd', '', 'art_ABC', `art_${'a'.repeat(24)}/..`]) {
        expect(await store.get(id), id).toBeUndefined();
      }
    });

    it("records a run's files as its account's, and a run of another account cannot read them", async () => {
      const { store } = await open({});
      const records = new Map<string, ArtifactRecord>();
      const owned = new OwnedArtifactStore({
        inner: store,
        store: { artifacts: { record: async (record) => void records.set(record.id, record), get: async (id) => records.get(id) } },
        now: () => new Date('2026-01-02T03:04:05Z'),
        readUnowned: false,
      });
      const made = await owned.runAs({ accountId: 'acc_a', executionId: 'exe_1' }, () => owned.put({ bytes, contentType: 'image/png' }));
      expect(records.get(made.id)).toEqual({
        id: made.id,
        accountId: 'acc_a',
        executionId: 'exe_1',
        contentType: 'image/png',
        size: 4,
        createdAt: '2026-01-02T03:04:05.000Z',
      });
      expect(await owned.runAs({ accountId: 'acc_a', executionId: 'exe_2' }, () => owned.get(made.id))).toMatchObject({ id: made.id, size: 4 });
      expect(await owned.runAs({ accountId: 'acc_b', executionId: 'exe_3' }, () => owned.get(made.id))).toBeUndefined();
      // Outside a run the route has checked the caller itself: the bytes are served as stored.
      expect(await owned.get(made.id)).toMatchObject({ id: made.id, contentType: 'image/png' });
    });
  });
}
