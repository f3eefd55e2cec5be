import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { describeArtifactStore } from './artifact-store-conformance.js';

const bytes = new Uint8Array([1, 2, 3, 4]);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-artifacts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describeArtifactStore('LocalArtifactStore', async ({ origins }) => ({
  store: new LocalArtifactStore({ dir, ...(origins && { origins }) }),
  again: () => new LocalArtifactStore({ dir }),
}));

describe('LocalArtifactStore: files on this machine', () => {
  it('keeps each artifact as a file in the folder, named by id and extension', async () => {
    const store = new LocalArtifactStore({ dir });
    const artifact = await store.put({ bytes, contentType: 'image/png' });
    expect(await store.fileUrl(artifact.id)).toBe(pathToFileURL(join(dir, `${artifact.id}.png`)).href);
    expect(await store.fileUrl('art_000000000000000000000000')).toBeUndefined();
  });

  it('recognises its file URLs but not files elsewhere', async () => {
    const store = new LocalArtifactStore({ dir });
    const { id } = await store.put({ bytes, contentType: 'image/webp' });
    expect(store.idFromUrl((await store.fileUrl(id))!)).toBe(id);
    expect(store.idFromUrl(pathToFileURL(join(tmpdir(), `${id}.webp`)).href)).toBeUndefined();
  });

  it('never leaves the folder for an id, even where a readable artifact sits one level up', async () => {
    const store = new LocalArtifactStore({ dir: join(dir, 'store') });
    const sidecar = { contentType: 'text/plain', size: 1, extension: 'txt', createdAt: '' };
    await writeFile(join(dir, 'x.meta.json'), JSON.stringify(sidecar));
    await writeFile(join(dir, 'x.txt'), 'x');
    for (const id of ['../x', 'art_../../x', `art_${'a'.repeat(24)}/../../x`]) {
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

  it('names unknown content types .bin', async () => {
    const store = new LocalArtifactStore({ dir });
    const artifact = await store.put({ bytes, contentType: 'application/x-thing' });
    expect((await store.fileUrl(artifact.id))?.endsWith('.bin')).toBe(true);
  });
});
