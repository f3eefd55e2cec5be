import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { policyFor, type SecurityPolicy } from '../../../src/net/index.js';
import { inputImage } from '../../../src/nodes/input/image.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { runNode } from '../context.js';

const closed: SecurityPolicy = policyFor('server', {});
const open: SecurityPolicy = policyFor('cli', {});

let dir: string;
let store: LocalArtifactStore;
let png: Buffer;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-input-image-'));
  store = new LocalArtifactStore({ dir: join(dir, 'artifacts') });
  png = await sharp({ create: { width: 6, height: 4, channels: 3, background: 'orange' } })
    .png()
    .toBuffer();
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (image: string, policy: SecurityPolicy = closed) => runNode(inputImage, { image }, { artifacts: store, policy });

describe('input:image', () => {
  it('stores a data URI as an artifact and outputs its URL on every port', async () => {
    const outputs = await run(`data:image/png;base64,${png.toString('base64')}`);
    expect(outputs.image).toMatch(/^pipewright:\/\/artifacts\/art_/);
    expect(outputs).toEqual({ image: outputs.image, media: outputs.image, url: outputs.image });
    const stored = await store.get(store.idFromUrl(String(outputs.image))!);
    expect(stored?.contentType).toBe('image/png');
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true);
  });

  it('passes a public http(s) URL through unchanged without fetching it', async () => {
    const url = 'https://93.184.215.14/photos/shoe.png?size=large';
    expect(await run(url)).toEqual({ image: url, media: url, url });
  });

  it('refuses an internal URL unless private addresses are allowed', async () => {
    await expect(run('http://127.0.0.1:9/x.png')).rejects.toMatchObject({ code: 'forbidden_target', kind: 'user' });
    await expect(run('http://[::1]/x.png')).rejects.toMatchObject({ code: 'forbidden_target' });
    await expect(run('http://localhost:9/x.png')).rejects.toMatchObject({ code: 'forbidden_target', details: { host: 'localhost' } });
    await expect(run('http://169.254.169.254/latest/meta-data')).rejects.toThrow(/PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1/);
    expect((await run('http://127.0.0.1:9/x.png', open)).image).toBe('http://127.0.0.1:9/x.png');
    const allowListed = { ...closed, allowHosts: ['127.0.0.0/8'] };
    expect((await run('http://127.0.0.1:9/x.png', allowListed)).image).toBe('http://127.0.0.1:9/x.png');
  });

  it('copies a local file into the store only when local files are allowed', async () => {
    const path = join(dir, 'photo.png');
    await writeFile(path, png);
    const outputs = await run(path, open);
    expect(store.idFromUrl(String(outputs.image))).toBeDefined();
    const refusal = run(path, closed);
    await expect(refusal).rejects.toMatchObject({ code: 'forbidden_target' });
    await expect(refusal).rejects.toThrow(/PIPEWRIGHT_ALLOW_LOCAL_FILES=1/);
  });

  it('passes one of our artifact URLs through as it is', async () => {
    const { url } = await store.put({ bytes: png, contentType: 'image/png' });
    expect((await run(url)).image).toBe(url);
  });

  it('asks for an image when none is set, and refuses what is not an image', async () => {
    await expect(run('')).rejects.toMatchObject({ code: 'missing_input', kind: 'user' });
    await expect(run('data:text/plain,hello')).rejects.toMatchObject({ code: 'invalid_image' });
  });

  it('is filled by a run-time input through its inputKey', () => {
    expect(inputImage.inputKey).toBe('image');
    expect(inputImage.config.parse({})).toEqual({ image: '' });
  });
});
