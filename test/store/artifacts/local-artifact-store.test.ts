import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';

const bytes = new Uint8Array([1, 2, 3, 4]);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-artifacts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('LocalArtifactStore', () => {
  it('stores bytes under a fresh id and names them by a reference, kept as a file in the folder', async () => {
    const store = new LocalArtifactStore({ dir });
    const artifact = await store.put({ bytes, contentType: 'image/PNG; charset=binary' });
    expect(artifact.id).toMatch(/^art_[0-9a-f]{24}$/);
    expect(artifact).toMatchObject({ contentType: 'image/png', size: 4, url: `pipewright://artifacts/${artifact.id}` });
    expect(await store.fileUrl(artifact.id)).toBe(pathToFileURL(join(dir, `${artifact.id}.png`)).href);
    expect(await store.fileUrl('art_000000000000000000000000')).toBeUndefined();
    const other = await store.put({ bytes, contentType: 'image/png' });
    expect(other.id).not.toBe(artifact.id);
  });

  it('reads an artifact back from a new instance (after a restart)', async () => {
    const first = await new LocalArtifactStore({ dir }).put({ bytes, contentType: 'video/mp4', accountId: 'acc_1' });
    const again = await new LocalArtifactStore({ dir }).get(first.id);
    expect(again).toMatchObject({ id: first.id, url: first.url, contentType: 'video/mp4', size: 4 });
    expect([...again!.bytes]).toEqual([...bytes]);
  });

  it('recognises its references and the relative URLs older records hold', async () => {
    const store = new LocalArtifactStore({ dir });
    const { id, url } = await store.put({ bytes, contentType: 'image/jpeg' });
    expect(store.idFromUrl(url)).toBe(id);
    expect(store.idFromUrl(`/api/v1/artifacts/${id}`)).toBe(id);
    expect(store.idFromUrl(`pipewright://artifacts/${id}/x`)).toBeUndefined();
  });

  it('takes an absolute artifact URL, signed or not, as its own only on a configured origin', async () => {
    const store = new LocalArtifactStore({ dir, origins: ['https://pw.example/some/base'] });
    const { id } = await store.put({ bytes, contentType: 'image/png' });
    expect(store.idFromUrl(`https://pw.example/api/v1/artifacts/${id}?exp=1&sig=x`)).toBe(id);
    expect(store.idFromUrl(`HTTPS://PW.example:443/some/base/api/v1/artifacts/${id}`)).toBe(id);
    // Another pipewright's artifact (or any host's look-alike path) is a URL to fetch, not a local id.
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
    const noOrigins = new LocalArtifactStore({ dir });
    expect(noOrigins.idFromUrl(`https://pw.example/api/v1/artifacts/${id}`)).toBeUndefined();
  });

  it('refuses an origin that is not an absolute URL', () => {
    expect(() => new LocalArtifactStore({ dir, origins: ['pw.example'] })).toThrow(/not an absolute URL/);
  });

  it('recognises its file URLs but not files elsewhere or other URLs', async () => {
    const store = new LocalArtifactStore({ dir });
    const { id } = await store.put({ bytes, contentType: 'image/webp' });
    expect(store.idFromUrl((await store.fileUrl(id))!)).toBe(id);
    expect(store.idFromUrl(pathToFileURL(join(tmpdir(), `${id}.webp`)).href)).toBeUndefined();
    expect(store.idFromUrl(`https://example.com/images/${id}.webp`)).toBeUndefined();
    expect(store.idFromUrl('/api/v1/artifacts/../secrets')).toBeUndefined();
    expect(store.idFromUrl('not a url at all')).toBeUndefined();
  });

  it('answers undefined for unknown and malformed ids without leaving the folder', async () => {
    // A readable artifact one level up: a traversal would find it.
    const store = new LocalArtifactStore({ dir: join(dir, 'store') });
    const sidecar = { contentType: 'text/plain', size: 1, extension: 'txt', createdAt: '' };
    await writeFile(join(dir, 'x.meta.json'), JSON.stringify(sidecar));
    await writeFile(join(dir, 'x.txt'), 'x');
    expect(await store.get('art_000000000000000000000000')).toBeUndefined();
    for (const id of ['../x', 'art_../../etc/passwd', '', 'art_ABC', `art_${'a'.repeat(24)}/..`]) {
      expect(await store.get(id)).toBeUndefined();
    }
  });

  it('leaves no temporary files behind and keeps the sidecar next to the file', async () => {
    const store = new LocalArtifactStore({ dir });
    const { id } = await store.put({ bytes, contentType: 'application/json' });
    expect((await readdir(dir)).sort()).toEqual([`${id}.json`, `${id}.meta.json`]);
  });

  it('treats a file without its sidecar (a crash between the writes) as absent', async () => {
    const store = new LocalArtifactStore({ dir });
    const { id } = await store.put({ bytes, contentType: 'image/png' });
    await rm(join(dir, `${id}.meta.json`));
    expect(await store.get(id)).toBeUndefined();
  });

  it('names unknown content types .bin and keeps the type', async () => {
    const store = new LocalArtifactStore({ dir });
    const artifact = await store.put({ bytes, contentType: 'application/x-thing' });
    expect((await store.fileUrl(artifact.id))?.endsWith('.bin')).toBe(true);
    expect((await store.get(artifact.id))?.contentType).toBe('application/x-thing');
  });
});
