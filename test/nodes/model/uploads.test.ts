import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { policyFor } from '../../../src/net/index.js';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import { defineModel } from '../../../src/nodes/model/catalog/entry.js';
import { imageIn, promptIn, textOut } from '../../../src/nodes/model/catalog/ports.js';
import { modelNodeType } from '../../../src/nodes/model/model-node-type.js';
import { createUploadMemo } from '../../../src/nodes/model/upload-memo.js';
import type { NodeType } from '../../../src/nodes/node-type.js';
import type { ProviderAdapter, ProviderId } from '../../../src/providers/index.js';
import { startFalFake, type FalFake } from '../../providers/fakes/fal-fake.js';
import { startFalStorageFake, type FalStorageFake } from '../../providers/fakes/fal-storage-fake.js';
import { startReplicateFake, type ReplicateFake } from '../../providers/fakes/replicate-fake.js';
import { startReplicateFilesFake, type ReplicateFilesFake } from '../../providers/fakes/replicate-files-fake.js';
import { fastAdapter } from '../../providers/support.js';
import { caught, MemoryArtifactStore, runNode } from '../context.js';
import { fakeAdapter } from './fake-adapter.js';
import { z } from 'zod';

const local = { policy: policyFor('cli', {}) };
let photo: Buffer;

beforeAll(async () => {
  // A 2 MB photo: noise does not compress.
  photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .png()
    .toBuffer();
});

describe('files for fal go through fal storage', () => {
  const KEY = 'fal-node-key-0123456789';
  let queue: FalFake;
  let storage: FalStorageFake;
  let editNode: NodeType;

  beforeEach(async () => {
    [queue, storage] = await Promise.all([startFalFake(KEY), startFalStorageFake(KEY)]);
    queue.knobs.queuedPolls = 0;
    queue.knobs.runningPolls = 0;
    const fal = fastAdapter('fal', { fal: { apiKey: KEY, queueUrl: queue.url, restUrl: storage.url } });
    editNode = createBuiltinRegistry({ providers: new Map<ProviderId, ProviderAdapter>([['fal', fal]]) }).get('generate:flux_2_edit')!;
  });
  afterEach(() => Promise.all([queue.close(), storage.close()]));

  it('uploads a 2 MB artifact once and sends its file_url, with no data URI anywhere in the submit', async () => {
    expect(photo.byteLength).toBeGreaterThan(2_000_000);
    const artifacts = new MemoryArtifactStore();
    const mine = await artifacts.put({ bytes: photo, contentType: 'image/png' });
    await runNode(editNode, {}, { ...local, artifacts, inputs: { image: mine.url, prompt: 'on marble' } });

    expect(storage.counters).toMatchObject({ initiates: 1, puts: 1 });
    expect(storage.initiated[0]!.body).toEqual({ content_type: 'image/png', file_name: `${mine.id}.png` });
    const [fileUrl] = [...storage.files.keys()];
    expect(storage.files.get(fileUrl!)!.bytes.equals(photo)).toBe(true);
    expect(queue.submitted).toEqual([{ endpoint: 'fal-ai/flux-2/edit', input: expect.objectContaining({ image_urls: [fileUrl], prompt: 'on marble' }) }]);
    expect(JSON.stringify(queue.submitted)).not.toContain('data:');
  });

  it('uploads an artifact fanned out to three nodes of one execution once, and again in another execution', async () => {
    const artifacts = new MemoryArtifactStore();
    const mine = await artifacts.put({ bytes: photo, contentType: 'image/png' });
    const run = (nodeId: string, executionId = 'exe_fan') =>
      runNode(editNode, {}, { ...local, artifacts, executionId, nodeId, inputs: { image: mine.url, prompt: nodeId } });
    await Promise.all([run('a'), run('b'), run('c')]);
    expect(storage.counters).toMatchObject({ initiates: 1, puts: 1 });
    const sent = queue.submitted.map(({ input }) => (input as { image_urls: string[] }).image_urls);
    expect(new Set(sent.flat()).size).toBe(1);

    await run('d', 'exe_later');
    expect(storage.counters).toMatchObject({ initiates: 2, puts: 2 });
  });

  it('uploads a data URI too, and passes a public URL through untouched', async () => {
    const dataUri = `data:image/png;base64,${photo.toString('base64')}`;
    await runNode(editNode, {}, { ...local, inputs: { image: dataUri, prompt: 'p' } });
    expect(storage.initiated.map(({ body }) => body)).toEqual([{ content_type: 'image/png', file_name: 'input.png' }]);

    await runNode(editNode, {}, { ...local, inputs: { image: 'https://example.com/photo.png', prompt: 'p' } });
    expect(storage.counters.initiates).toBe(1);
    expect(queue.submitted[1]!.input).toMatchObject({ image_urls: ['https://example.com/photo.png'] });
    expect(JSON.stringify(queue.submitted)).not.toContain('data:');
  });

  it('submits nothing when the upload fails', async () => {
    storage.failNextInitiate(401);
    const error = await caught(runNode(editNode, {}, { ...local, inputs: { image: `data:image/png;base64,${photo.toString('base64')}`, prompt: 'p' } }));
    expect(error.code).toBe('provider_auth_failed');
    expect(queue.counters.submits).toBe(0);
  });
});

describe('files for Replicate go through its Files API', () => {
  const TOKEN = 'r8_node_token_0123456789';
  let predictions: ReplicateFake;
  let files: ReplicateFilesFake;
  let runway: NodeType;

  beforeEach(async () => {
    predictions = await startReplicateFake(TOKEN);
    predictions.knobs.queuedPolls = 0;
    predictions.knobs.runningPolls = 0;
    files = await startReplicateFilesFake(TOKEN, predictions.url);
    const replicate = fastAdapter('replicate', { replicate: { apiToken: TOKEN, apiUrl: files.apiUrl } });
    runway = createBuiltinRegistry({ providers: new Map<ProviderId, ProviderAdapter>([['replicate', replicate]]) }).get('generate:runway_gen4_turbo')!;
  });
  afterEach(() => Promise.all([files.close(), predictions.close()]));

  it('uploads a 2 MB artifact once and sends its urls.get, with no data URI in the prediction', async () => {
    const artifacts = new MemoryArtifactStore();
    const mine = await artifacts.put({ bytes: photo, contentType: 'image/png' });
    // The stand-in's output URL is not on 127.0.0.1: it is kept, not fetched.
    await runNode(runway, { keepProviderUrlOnly: true }, { ...local, artifacts, inputs: { image: mine.url, prompt: 'slow push in' } });

    expect(files.created).toEqual([
      expect.objectContaining({ fields: ['content'], fileName: `${mine.id}.png`, contentType: 'image/png', bytes: photo.byteLength }),
    ]);
    const [fileUrl] = [...files.files.keys()];
    expect(files.files.get(fileUrl!)!.bytes.equals(photo)).toBe(true);
    expect(predictions.refused).toEqual([]);
    expect(predictions.created).toEqual([{ version: 'runwayml/gen4-turbo', input: expect.objectContaining({ image: fileUrl, prompt: 'slow push in' }) }]);
    expect(JSON.stringify(predictions.created)).not.toContain('data:');
  });
});

/** An image-reading node for an API that takes images inline (no catalog entry reads images from OpenAI or Anthropic yet). */
function visionNode(adapter: ProviderAdapter): NodeType {
  const entry = defineModel({
    nodeType: `llm:${adapter.id}_vision_test`,
    label: 'Vision',
    description: 'Describes an image.',
    kind: 'llm',
    provider: adapter.id,
    endpoint: 'vision-model',
    inputs: [imageIn, promptIn],
    outputs: [textOut],
    params: z.strictObject({}),
    cost: () => 1,
    price: { source: 'test', checked: '2026-12-03' },
    timeoutMs: 60_000,
    toInput: (inputs) => ({ image: inputs.image, prompt: inputs.prompt }),
    fromOutput: () => ({ text: 'a photo' }),
    source: 'test',
    documented: false,
  });
  return modelNodeType(entry, new Map([[adapter.id, adapter]]), createUploadMemo());
}

describe('files for OpenAI and Anthropic go inline, within their size limits', () => {
  const MB = 1024 * 1024;
  const sizes = { openai: 20 * MB, anthropic: 5 * MB } as const;

  for (const provider of ['openai', 'anthropic'] as const) {
    it(`${provider}: sends an artifact as a data URI and a public URL as is`, async () => {
      const adapter = fakeAdapter(provider, {});
      const artifacts = new MemoryArtifactStore();
      const mine = await artifacts.put({ bytes: photo, contentType: 'image/png' });
      await runNode(visionNode(adapter), {}, { ...local, artifacts, inputs: { image: mine.url, prompt: 'what is it?' } });
      await runNode(visionNode(adapter), {}, { ...local, inputs: { image: 'https://example.com/photo.png', prompt: 'p' } });
      expect(adapter.calls.map(({ request }) => request.input.image)).toEqual([
        `data:image/png;base64,${photo.toString('base64')}`,
        'https://example.com/photo.png',
      ]);
    });

    it(`${provider}: refuses a file longer than its limit as a data URI before any call`, async () => {
      const adapter = fakeAdapter(provider, {});
      const tooLong = Buffer.alloc(Math.ceil((sizes[provider] * 3) / 4) + 3);
      const error = await caught(
        runNode(visionNode(adapter), {}, { ...local, inputs: { image: `data:image/jpeg;base64,${tooLong.toString('base64')}`, prompt: 'p' } }),
      );
      expect(error).toMatchObject({ code: 'media_too_large', kind: 'user' });
      expect(error.message).toMatch(new RegExp(`${provider === 'openai' ? 'OpenAI' : 'Anthropic'} takes at most ${sizes[provider] / MB} MB per file inline`));
      expect(adapter.calls).toEqual([]);
    });
  }
});
