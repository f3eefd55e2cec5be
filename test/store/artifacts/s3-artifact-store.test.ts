import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPipewrightError } from '../../../src/errors/index.js';
import { openArtifactStore } from '../../../src/store/artifacts/index.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/local-artifact-store.js';
import { S3ArtifactStore, openS3ArtifactStore } from '../../../src/store/artifacts/s3-artifact-store.js';
import { s3ClientConfig } from '../../../src/store/artifacts/s3-client-config.js';
import { type S3Server, startS3Server } from '../../support/s3-server.js';
import { describeArtifactStore } from './artifact-store-conformance.js';

const BUCKET = 'pw-artifacts';
const bytes = new Uint8Array([1, 2, 3, 4]);
let server: S3Server;
const opened: S3ArtifactStore[] = [];

beforeAll(async () => {
  server = await startS3Server([BUCKET]);
});
afterAll(async () => {
  for (const store of opened.splice(0)) store.close();
  await server.stop();
});

async function openOn(url: { bucket: string; prefix: string }, env: Record<string, string> = server.env, origins: string[] = []): Promise<S3ArtifactStore> {
  const store = await openS3ArtifactStore(url, env, origins);
  opened.push(store);
  return store;
}

/** The error `promise` fails with, which must be a PipewrightError. */
async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!isPipewrightError(error)) throw new Error(`expected a PipewrightError, got ${String(error)}`);
  return error;
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describeArtifactStore('S3ArtifactStore', async ({ origins }) => {
  const location = { bucket: BUCKET, prefix: 'conformance/' };
  return { store: await openOn(location, server.env, origins), again: () => openOn(location) };
});

describe('S3ArtifactStore: objects in a bucket', () => {
  it('puts each artifact at <prefix><id> with its type, and its owner and creation time as metadata', async () => {
    const store = await openOn({ bucket: BUCKET, prefix: 'runs/outputs/' });
    const { id } = await store.put({ bytes, contentType: 'image/png', accountId: 'acc_owner' });
    const raw = new S3Client(s3ClientConfig(server.env));
    try {
      const object = await raw.send(new GetObjectCommand({ Bucket: BUCKET, Key: `runs/outputs/${id}` }));
      expect(object.ContentType).toBe('image/png');
      expect(object.ContentLength).toBe(4);
      expect(object.Metadata).toEqual({ 'account-id': 'acc_owner', 'created-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect([...(await object.Body!.transformToByteArray())]).toEqual([...bytes]);
    } finally {
      raw.destroy();
    }
  });

  it('has no file URL: the bytes are not on this machine', async () => {
    const store = await openOn({ bucket: BUCKET, prefix: '' });
    expect('fileUrl' in store).toBe(false);
  });

  it('keeps prefixes apart: an id stored under one is not found under another', async () => {
    const one = await openOn({ bucket: BUCKET, prefix: 'one/' });
    const other = await openOn({ bucket: BUCKET, prefix: 'other/' });
    const { id } = await one.put({ bytes, contentType: 'image/png' });
    expect(await other.get(id)).toBeUndefined();
    expect(await one.get(id)).toMatchObject({ id });
  });
});

describe('openArtifactStore', () => {
  it('opens the bucket PIPEWRIGHT_ARTIFACTS_URL names, else the folder under the home', async () => {
    const bucket = await openArtifactStore({ home: '/nowhere', env: { ...server.env, PIPEWRIGHT_ARTIFACTS_URL: `s3://${BUCKET}/opened` } });
    try {
      expect(bucket.artifacts).toBeInstanceOf(S3ArtifactStore);
      const { id } = await bucket.artifacts.put({ bytes, contentType: 'image/png' });
      expect(await (await openOn({ bucket: BUCKET, prefix: 'opened/' })).get(id)).toMatchObject({ id, size: 4 });
    } finally {
      bucket.close();
    }
    expect((await openArtifactStore({ home: '/nowhere', env: server.env })).artifacts).toBeInstanceOf(LocalArtifactStore);
  });

  it('keeps files in PIPEWRIGHT_ARTIFACTS_DIR, not under the home, when that is set', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pw-artifacts-dir-'));
    try {
      const folder = await openArtifactStore({ home: join(dir, 'home'), env: { PIPEWRIGHT_ARTIFACTS_DIR: join(dir, 'files') } });
      const { id } = await folder.artifacts.put({ bytes, contentType: 'image/png' });
      expect(await readdir(join(dir, 'files'))).toContain(`${id}.png`);
      expect(await readdir(dir)).toEqual(['files']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('fails at open, not at the first run, when the bucket is missing', async () => {
    const error = await failure(openArtifactStore({ home: '/nowhere', env: { ...server.env, PIPEWRIGHT_ARTIFACTS_URL: 's3://not-made-yet' } }));
    expect(error.code).toBe('artifact_store_unavailable');
  });
});

describe('S3ArtifactStore: a bucket that does not answer', () => {
  it('refuses to open on a bucket that does not exist', async () => {
    const error = await failure(openOn({ bucket: 'no-such-bucket', prefix: 'p/' }));
    expect(error.code).toBe('artifact_store_unavailable');
    expect(error.message).toMatch(/s3:\/\/no-such-bucket\/p\/.*the bucket does not exist/);
  });

  it('refuses to open with credentials the server does not accept, and never prints the secret', async () => {
    const error = await failure(
      openOn({ bucket: BUCKET, prefix: '' }, { ...server.env, AWS_ACCESS_KEY_ID: 'NOT-S3RVER', AWS_SECRET_ACCESS_KEY: 'wrong-secret-value' }),
    );
    expect(error.code).toBe('artifact_store_unavailable');
    expect(error.message).toMatch(/access denied \(403\): check AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.*s3:ListBucket, s3:GetObject and s3:PutObject/);
    expect(error.message).not.toContain('wrong-secret-value');
  });

  it('refuses to open when nothing answers at the endpoint', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const error = await failure(openOn({ bucket: BUCKET, prefix: '' }, { ...server.env, AWS_ENDPOINT_URL_S3: endpoint }));
    expect(error.code).toBe('artifact_store_unavailable');
    expect(error.message).toMatch(/could not reach the S3 endpoint .*ECONNREFUSED/);
  });

  it('fails reads and writes with the bucket named once the server is gone, and opens no more', async () => {
    const gone = await startS3Server(['short-lived']);
    const store = await openOn({ bucket: 'short-lived', prefix: '' }, gone.env);
    const { id } = await store.put({ bytes, contentType: 'image/png' });
    await gone.stop();
    const read = await failure(store.get(id));
    expect(read.code).toBe('artifact_store_unavailable');
    expect(read.message).toMatch(new RegExp(`Could not read artifact ${id} in s3://short-lived/: could not reach`));
    const write = await failure(store.put({ bytes, contentType: 'image/png' }));
    expect(write.code).toBe('artifact_write_failed');
    expect(write.message).toMatch(/Could not store artifact art_[0-9a-f]{24} in s3:\/\/short-lived\/: could not reach/);
  });
});
