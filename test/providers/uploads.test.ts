import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderAdapter } from '../../src/providers/index.js';
import { startFalStorageFake, type FalStorageFake } from './fakes/fal-storage-fake.js';
import { startReplicateFake, type ReplicateFake } from './fakes/replicate-fake.js';
import { startReplicateFilesFake, type ReplicateFilesFake } from './fakes/replicate-files-fake.js';
import { fastAdapter, rejection } from './support.js';

const MiB = 1024 * 1024;
const signal = new AbortController().signal;

/** Bytes whose every MiB differs, so parts put together in the wrong order would show. */
function fileOf(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let start = 0; start < size; start += MiB) bytes.fill(start / MiB, start, Math.min(size, start + MiB));
  return bytes;
}

async function served(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

describe('fal uploads go through fal storage', () => {
  const KEY = 'fal-upload-key-0123456789';
  let storage: FalStorageFake;
  const falWith = (apiKey: string): ProviderAdapter => fastAdapter('fal', { fal: { apiKey, queueUrl: 'http://127.0.0.1:9', restUrl: storage.url } });

  beforeEach(async () => {
    storage = await startFalStorageFake(KEY);
  });
  afterEach(() => storage.close());

  it('initiates with the key, PUTs the bytes with their type and without the key, and answers the file_url', async () => {
    const bytes = fileOf(2 * MiB);
    const url = await falWith(KEY).upload!({ bytes, contentType: 'image/png', fileName: 'art_1.png' }, signal);
    expect(storage.initiated).toEqual([
      { path: '/storage/upload/initiate?storage_type=fal-cdn-v3', body: { content_type: 'image/png', file_name: 'art_1.png' }, authorization: `Key ${KEY}` },
    ]);
    expect(storage.uploads).toEqual([{ contentType: 'image/png', authorization: undefined, bytes: 2 * MiB }]);
    expect(storage.counters).toMatchObject({ initiates: 1, puts: 1, parts: 0 });
    expect(url).toBe(`${storage.url}/files/up1/art_1.png`);
    expect((await served(url)).equals(bytes)).toBe(true);
  });

  it('tries a transient failure again, and keeps the key out of a refusal', async () => {
    storage.failNextInitiate(503);
    await falWith(KEY).upload!({ bytes: fileOf(10), contentType: 'image/png', fileName: 'a.png' }, signal);
    expect(storage.counters).toMatchObject({ initiates: 2, puts: 1 });

    const wrong = 'wrong-key-abcdef0123456789';
    const error = await rejection(falWith(wrong).upload!({ bytes: fileOf(10), contentType: 'image/png', fileName: 'a.png' }, signal));
    expect(error).toMatchObject({ code: 'provider_auth_failed', transient: false });
    expect(JSON.stringify({ message: error.message, details: error.details })).not.toContain(wrong);
  });

  it('keeps the upload URL’s signature out of a storage refusal that repeats the URL', async () => {
    storage.failNextPut(403);
    const error = await rejection(falWith(KEY).upload!({ bytes: fileOf(10), contentType: 'image/png', fileName: 'a.png' }, signal));
    expect(error).toMatchObject({ transient: false });
    const shown = JSON.stringify({ message: error.message, details: error.details });
    // The refusal reached the error, path and all, with its query replaced.
    expect(shown).toContain('PUT /upload/up1?[redacted]');
    expect(shown).not.toContain('sig-up1');
  });

  it('uploads a file above 90 MiB in 10 MiB parts and completes it, as fal’s client does', async () => {
    const bytes = fileOf(91 * MiB);
    const url = await falWith(KEY).upload!({ bytes, contentType: 'video/mp4', fileName: 'big.mp4' }, signal);
    expect(storage.initiated.map((step) => step.path)).toEqual(['/storage/upload/initiate-multipart?storage_type=fal-cdn-v3']);
    expect(storage.uploads.map((part) => part.bytes)).toEqual([...Array.from({ length: 9 }, () => 10 * MiB), MiB]);
    expect(storage.uploads.every((part) => part.authorization === undefined)).toBe(true);
    expect(storage.counters).toMatchObject({ initiates: 1, puts: 0, parts: 10, completes: 1 });
    expect((await served(url)).equals(bytes)).toBe(true);
  });
});

describe('Replicate uploads go through its Files API', () => {
  const TOKEN = 'r8_upload_token_0123456789';
  let predictions: ReplicateFake;
  let files: ReplicateFilesFake;

  beforeEach(async () => {
    predictions = await startReplicateFake(TOKEN);
    files = await startReplicateFilesFake(TOKEN, predictions.url);
  });
  afterEach(() => Promise.all([files.close(), predictions.close()]));

  it('posts the file as the form’s content part and answers its urls.get', async () => {
    const replicate = fastAdapter('replicate', { replicate: { apiToken: TOKEN, apiUrl: files.apiUrl } });
    const bytes = fileOf(2 * MiB);
    const url = await replicate.upload!({ bytes, contentType: 'audio/wav', fileName: 'art_2.wav' }, signal);
    expect(files.created).toEqual([{ fields: ['content'], fileName: 'art_2.wav', contentType: 'audio/wav', bytes: 2 * MiB, authorization: `Bearer ${TOKEN}` }]);
    expect(url).toBe(`${files.apiUrl}/files/file1`);
    expect(files.files.get(url)?.bytes.equals(bytes)).toBe(true);
  });
});
