import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyFor } from '../../../src/net/index.js';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import type { ProviderAdapter, ProviderId } from '../../../src/providers/index.js';
import { caught, makeContext, MemoryArtifactStore, runNode } from '../context.js';
import { fakeAdapter, unconfigured } from './fake-adapter.js';

let server: Server;
let base: string;
let png: Buffer;

beforeAll(async () => {
  png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#ff0000' } })
    .png()
    .toBuffer();
  server = createServer((req, res) => {
    if (req.url === '/out.png') res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const typeWith = (nodeType: string, adapter: ProviderAdapter) =>
  createBuiltinRegistry({ providers: new Map<ProviderId, ProviderAdapter>([[adapter.id, adapter]]) }).get(nodeType)!;
const local = { policy: policyFor('cli', {}) };

describe('a model node run', () => {
  it('calls its provider with the mapped body and the job hooks, then copies the file into the artifact store', async () => {
    const fal = fakeAdapter('fal', { images: [{ url: `${base}/out.png`, content_type: 'image/png' }] });
    const artifacts = new MemoryArtifactStore();
    const ctx = { ...local, artifacts, inputs: { prompt: 'a red sneaker' }, providerJob: { previousId: 'job_0', remember: async () => {} } };
    const out = await runNode(typeWith('generate:flux_2', fal), { image_size: 'square_hd' }, ctx);

    const { request, ctx: callCtx } = fal.calls[0]!;
    expect(request.endpoint).toBe('fal-ai/flux-2');
    expect(request.input).toMatchObject({ prompt: 'a red sneaker', image_size: 'square_hd', num_images: 1, num_inference_steps: 28 });
    expect(request.input).not.toHaveProperty('keepProviderUrlOnly');
    expect(callCtx.previousJobId).toBe('job_0');

    expect(out.image).toMatch(/^memory:\/\/artifacts\//);
    expect(out.images).toEqual([out.image]);
    expect(out.sources).toEqual({ image: `${base}/out.png`, images: [`${base}/out.png`] });
    const stored = await artifacts.get(artifacts.idFromUrl(out.image as string)!);
    expect(Buffer.from(stored!.bytes).equals(png)).toBe(true);
    expect(stored!.contentType).toBe('image/png');
  });

  it('hands the job id to the engine before returning', async () => {
    const fal = fakeAdapter('fal', { image: { url: `${base}/out.png` } });
    const ctx = makeContext({ ...local, nodeType: 'generate:birefnet', inputs: { image: 'https://example.com/p.png' } });
    const type = typeWith('generate:birefnet', fal);
    await type.run({ ...ctx, settings: type.config.parse({}) });
    expect(ctx.rememberedJobs).toEqual(['job_1']);
    expect(fal.calls[0]!.request.input).toMatchObject({ image_url: 'https://example.com/p.png', model: 'General Use (Light)' });
  });

  it('keeps only the provider URL when asked', async () => {
    const fal = fakeAdapter('fal', { video: { url: `${base}/clip.mp4` } });
    const artifacts = new MemoryArtifactStore();
    const out = await runNode(typeWith('generate:kling_video_2_5', fal), { keepProviderUrlOnly: true }, { ...local, artifacts, inputs: { prompt: 'p' } });
    expect(out).toEqual({ video: `${base}/clip.mp4`, sources: { video: `${base}/clip.mp4` } });
    expect(artifacts.idFromUrl(out.video as string)).toBeUndefined();
  });

  it('keeps the provider URL and logs when the copy fails, rather than losing a paid result', async () => {
    const fal = fakeAdapter('fal', { video: { url: `${base}/missing.mp4` } });
    const ctx = makeContext({ ...local, inputs: { prompt: 'p' } });
    const type = typeWith('generate:veo_3', fal);
    const out = await type.run({ ...ctx, settings: type.config.parse({}) });
    expect(out.video).toBe(`${base}/missing.mp4`);
    expect(ctx.logs.join('\n')).toMatch(/Could not copy .*HTTP 404/);
  });

  it('stores base64 images from OpenAI and has no provider URL for them', async () => {
    const openai = fakeAdapter('openai', { data: [{ b64_json: png.toString('base64') }] });
    const out = await runNode(typeWith('generate:gpt_image_1', openai), { quality: 'low' }, { ...local, inputs: { prompt: 'p' } });
    expect(openai.calls[0]!.request).toMatchObject({ endpoint: 'images:gpt-image-1', input: { prompt: 'p', quality: 'low', n: 1 } });
    expect(out.image).toMatch(/^memory:\/\//);
    expect(out.sources).toEqual({ image: null, images: [null] });
  });

  it('reads chat and message answers into text', async () => {
    const openai = fakeAdapter('openai', { choices: [{ message: { role: 'assistant', content: 'A detailed prompt.' } }] });
    const out = await runNode(typeWith('llm:prompt_rewrite', openai), {}, { inputs: { prompt: 'sneaker' } });
    expect(out).toEqual({ text: 'A detailed prompt.' });
    const body = openai.calls[0]!.request.input as { messages: { role: string; content: string }[] };
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[1]!.content).toBe('sneaker');

    const anthropic = fakeAdapter('anthropic', {
      content: [
        { type: 'text', text: 'Hello' },
        { type: 'text', text: ' there' },
      ],
    });
    expect(await runNode(typeWith('llm:claude_haiku_4_5', anthropic), { system: 'Be brief.' }, { inputs: { prompt: 'hi' } })).toEqual({ text: 'Hello there' });
    expect(anthropic.calls[0]!.request).toMatchObject({ endpoint: 'claude-haiku-4-5', input: { system: 'Be brief.', max_tokens: 1000 } });
  });

  it('takes the model of an OpenAI-compatible server from its settings', async () => {
    const openai = fakeAdapter('openai', { choices: [{ message: { content: 'ok' } }] });
    await runNode(typeWith('llm:openai_compatible', openai), { model: 'llama3.2' }, { inputs: { prompt: 'hi' } });
    expect(openai.calls[0]!.request.endpoint).toBe('chat:llama3.2');
  });

  it('asks each OpenAI model family for its answer bound by the name it accepts, and sends temperature only when set', async () => {
    const bodyFor = async (nodeType: string, config: Record<string, unknown>) => {
      const openai = fakeAdapter('openai', { choices: [{ message: { content: 'ok' } }] });
      await runNode(typeWith(nodeType, openai), config, { inputs: { prompt: 'hi' } });
      return openai.calls[0]!.request.input as Record<string, unknown>;
    };
    for (const model of ['o4-mini', 'o3', 'o1-2024-12-17', 'gpt-5', 'gpt-5-mini', 'gpt-5.1']) {
      const body = await bodyFor('llm:openai_compatible', { model, max_tokens: 500 });
      expect(body, model).toMatchObject({ max_completion_tokens: 500 });
      expect(body, model).not.toHaveProperty('max_tokens');
      expect(body, model).not.toHaveProperty('temperature');
    }
    expect(await bodyFor('llm:openai_compatible', { model: 'o4-mini', temperature: 1 })).toMatchObject({ temperature: 1, max_completion_tokens: 1000 });
    for (const model of ['llama3.2', 'openai/o4-mini', 'gpt-4o', 'omni-moderation']) {
      const body = await bodyFor('llm:openai_compatible', { model, max_tokens: 300 });
      expect(body, model).toMatchObject({ max_tokens: 300 });
      expect(body, model).not.toHaveProperty('max_completion_tokens');
      expect(body, model).not.toHaveProperty('temperature');
    }
    expect(await bodyFor('llm:gpt_4o_mini', {})).toMatchObject({ max_tokens: 1000, temperature: 0.7 });
  });

  it('fails permanently on an output shape the provider does not document', async () => {
    const fal = fakeAdapter('fal', { nothing: true });
    const error = await caught(runNode(typeWith('generate:nano_banana', fal), {}, { inputs: { prompt: 'p' } }));
    expect(error).toMatchObject({ code: 'unexpected_provider_output', transient: false });
  });

  it('fails with provider_not_configured naming the variable when its provider has no key', async () => {
    const error = await caught(runNode(typeWith('generate:flux_2', unconfigured('fal', ['FAL_KEY'])), {}, { inputs: { prompt: 'p' } }));
    expect(error).toMatchObject({ code: 'provider_not_configured', kind: 'user' });
    expect(error.message).toContain('FAL_KEY');
  });
});
