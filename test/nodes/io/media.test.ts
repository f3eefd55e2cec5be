import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyFor, type SecurityPolicy } from '../../../src/net/index.js';
import { readMedia } from '../../../src/nodes/io/media.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';

const closed: SecurityPolicy = policyFor('server', {});
const open: SecurityPolicy = { ...closed, allowLocalFiles: true, allowPrivateNetwork: true };

let dir: string;
let artifacts: LocalArtifactStore;
let png: Buffer;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-media-'));
  artifacts = new LocalArtifactStore({ dir: join(dir, 'artifacts') });
  png = await sharp({ create: { width: 3, height: 2, channels: 3, background: '#00ff00' } })
    .png()
    .toBuffer();
  server = createServer((request, response) => {
    const routes: Record<string, [number, string, Buffer | string]> = {
      '/img': [200, 'application/octet-stream', png],
      '/clip.mp4': [200, 'application/octet-stream', 'not really a video'],
      '/missing': [404, 'text/plain', 'nope'],
      '/busy': [503, 'text/plain', 'later'],
      '/slow-down': [429, 'text/plain', 'later'],
    };
    const [status, type, body] = routes[request.url ?? ''] ?? [500, 'text/plain', 'unexpected'];
    response.writeHead(status, { 'content-type': type }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  await rm(dir, { recursive: true, force: true });
});

const deps = (policy: SecurityPolicy) => ({ artifacts, policy });

describe('readMedia', () => {
  it('decodes a data URI and sniffs its type from the bytes', async () => {
    const media = await readMedia(`data:application/octet-stream;base64,${png.toString('base64')}`, deps(closed));
    expect(media.contentType).toBe('image/png');
    expect(Buffer.from(media.bytes).equals(png)).toBe(true);
  });

  it('keeps the declared type of a data URI sharp cannot read, and decodes %-escapes', async () => {
    const media = await readMedia('data:text/plain,hello%20world', deps(closed));
    expect(media).toMatchObject({ contentType: 'text/plain' });
    expect(Buffer.from(media.bytes).toString()).toBe('hello world');
  });

  it('refuses a data URI over the size cap before decoding it, and a malformed one', async () => {
    const small = { ...closed, maxResponseBytes: 10 };
    await expect(readMedia(`data:image/png;base64,${png.toString('base64')}`, deps(small))).rejects.toMatchObject({ code: 'media_too_large' });
    await expect(readMedia('data:image/png;base64,@@@', deps(closed))).rejects.toMatchObject({ code: 'invalid_data_uri' });
  });

  it('reads our own artifacts from the store without any policy', async () => {
    const { url } = await artifacts.put({ bytes: png, contentType: 'image/png' });
    const media = await readMedia(url, deps(closed));
    expect(media.contentType).toBe('image/png');
    // Older records hold the REST route's relative URL: still ours, never a local path.
    for (const missing of ['pipewright://artifacts/art_000000000000000000000000', '/api/v1/artifacts/art_000000000000000000000000']) {
      await expect(readMedia(missing, deps(closed))).rejects.toMatchObject({ code: 'media_not_found', kind: 'user' });
    }
  });

  it('fetches http media when private addresses are allowed, sniffing over the header', async () => {
    const media = await readMedia(`${base}/img`, deps(open));
    expect(media.contentType).toBe('image/png');
    expect(Buffer.from(media.bytes).equals(png)).toBe(true);
    expect((await readMedia(`${base}/clip.mp4`, deps(open))).contentType).toBe('video/mp4');
  });

  it('refuses loopback http when private addresses are not allowed', async () => {
    await expect(readMedia(`${base}/img`, deps(closed))).rejects.toMatchObject({ code: 'forbidden_target' });
  });

  it('turns non-2xx answers into media_fetch_failed, transient only for 429 and 5xx', async () => {
    await expect(readMedia(`${base}/missing`, deps(open))).rejects.toMatchObject({ code: 'media_fetch_failed', transient: false, details: { status: 404 } });
    await expect(readMedia(`${base}/busy`, deps(open))).rejects.toMatchObject({ code: 'media_fetch_failed', transient: true });
    await expect(readMedia(`${base}/slow-down`, deps(open))).rejects.toMatchObject({ code: 'media_fetch_failed', transient: true });
  });

  it('reads local files by path and file URL only when the policy allows local files', async () => {
    const path = join(dir, 'photo.jpg');
    await writeFile(path, png);
    expect((await readMedia(path, deps(open))).contentType).toBe('image/png');
    expect((await readMedia(pathToFileURL(path).href, deps(open))).bytes.byteLength).toBe(png.byteLength);
    for (const ref of [path, pathToFileURL(path).href]) {
      const refusal = readMedia(ref, deps(closed));
      await expect(refusal).rejects.toMatchObject({ code: 'forbidden_target' });
      await expect(refusal).rejects.toThrow(/PIPEWRIGHT_ALLOW_LOCAL_FILES=1/);
    }
  });

  it("names a refused or missing local file as it was given, never the server's working directory", async () => {
    const relative = 'nothing-here/photo.png';
    for (const [policy, code] of [
      [closed, 'forbidden_target'],
      [open, 'media_not_found'],
    ] as const) {
      const error = (await readMedia(relative, deps(policy)).then(
        () => undefined,
        (caught: unknown) => caught,
      )) as { code: string; message: string; details: unknown };
      expect(error).toMatchObject({ code, details: { path: relative } });
      expect(error.message).toContain(relative);
      expect(JSON.stringify([error.message, error.details])).not.toContain(process.cwd());
    }
    const url = 'file:///nowhere/at/all.png';
    await expect(readMedia(url, deps(closed))).rejects.toMatchObject({ code: 'forbidden_target', details: { path: url } });
  });

  it('reports a missing local file as a user error naming the path', async () => {
    const path = join(dir, 'nothing-here.png');
    const missing = readMedia(path, deps(open));
    await expect(missing).rejects.toMatchObject({ code: 'media_not_found', kind: 'user', details: { path } });
    await expect(missing).rejects.toThrow(path);
  });

  it('rejects other URL schemes and stops on an aborted signal', async () => {
    await expect(readMedia('ftp://example.com/x.png', deps(open))).rejects.toMatchObject({ code: 'unsupported_media_ref' });
    const signal = AbortSignal.abort(new Error('cancelled'));
    await expect(readMedia(`${base}/img`, { ...deps(open), signal })).rejects.toThrow('cancelled');
  });
});
