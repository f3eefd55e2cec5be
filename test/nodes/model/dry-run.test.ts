import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/index.js';
import { validateGraph } from '../../../src/graph/index.js';
import { policyFor } from '../../../src/net/index.js';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { runBuilt } from '../../support/built-cli.js';

let home: string;
let artifacts: LocalArtifactStore;
let engine: Engine;
const registry = createBuiltinRegistry();

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'pw-model-'));
  artifacts = new LocalArtifactStore({ dir: join(home, 'artifacts') });
  engine = new Engine({ registry, artifacts, policy: policyFor('cli', {}) });
});

/** The stored bytes an output names. */
async function bytesOf(url: string): Promise<Uint8Array> {
  const stored = await artifacts.get(artifacts.idFromUrl(url) ?? '');
  if (stored === undefined) throw new Error(`${url} names no stored file`);
  return stored.bytes;
}
afterAll(() => rm(home, { recursive: true, force: true }));

/** A graph exactly as the hosted API shapes it: handles, `basedNode`, `config` on the model node. */
const hosted = (nodeType: string, config: Record<string, unknown>) => ({
  nodes: [
    {
      id: 'prompt',
      type: 'basedNode',
      position: { x: 0, y: 0 },
      data: { label: 'Prompt', nodeType: 'input:text', category: 'input', config: { prompt: 'a red sneaker on white marble' } },
    },
    { id: 'img', type: 'basedNode', position: { x: 500, y: 0 }, data: { nodeType, config } },
  ],
  edges: [{ id: 'e1', source: 'prompt', target: 'img', sourceHandle: 'out-prompt', targetHandle: 'in-prompt' }],
});

async function dryRun(graph: unknown) {
  const validation = validateGraph(graph, registry);
  expect(validation.violations).toEqual([]);
  return engine.execute({ graph: validation.graph!, dryRun: true }).result;
}

describe('a dry run of model nodes', () => {
  it('runs a hosted-shape graph unchanged, aliases included, at zero credits, with a real PNG placeholder', async () => {
    const state = await dryRun(hosted('generate:flux-2', { image_size: 'square_hd', num_images: 2 }));
    expect(state).toMatchObject({ status: 'COMPLETED', credits: 0 });
    const output = state.nodes.img!.output as { image: string; images: string[]; sources: object };
    expect(output.images).toHaveLength(2);
    expect(output.sources).toEqual({});
    const meta = await sharp(await bytesOf(output.image)).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 768, height: 768 });
  });

  it('follows the aspect ratio, and echoes the request for text nodes', async () => {
    const image = await dryRun(hosted('generate:imagen_4', { aspect_ratio: '16:9' }));
    const meta = await sharp(await bytesOf((image.nodes.img!.output as { image: string }).image)).metadata();
    expect(meta).toMatchObject({ width: 768, height: 432 });
    const text = await dryRun(hosted('llm:claude_sonnet_4_5', {}));
    expect(text.nodes.img!.output).toEqual({ text: '[dry run] llm:claude_sonnet_4_5 would answer: a red sneaker on white marble' });
  });

  it('stores a silent WAV for speech and a marked still for video', async () => {
    const speech = await dryRun({
      nodes: [{ id: 'say', data: { nodeType: 'generate:elevenlabs_tts', config: { text: 'Hello' } } }],
      edges: [],
    });
    const wav = Buffer.from(await bytesOf((speech.nodes.say!.output as { audio: string }).audio));
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.subarray(8, 12).toString('ascii')).toBe('WAVE');
    const video = await dryRun(hosted('generate:kling_video_2_5', {}));
    const still = await bytesOf((video.nodes.img!.output as { video: string }).video);
    expect((await sharp(still).metadata()).format).toBe('png');
  });
});

describe('the multi-model examples', () => {
  const example = (name: string) => fileURLToPath(new URL(`../../../examples/${name}`, import.meta.url));

  it.each(['idea-to-video.json', 'product-variations.json'])('%s dry-runs offline through the CLI', async (name) => {
    const result = await runBuilt(['run', example(name), '--dry-run', '--json'], { PIPEWRIGHT_HOME: home, FAL_KEY: '', OPENAI_API_KEY: '' });
    expect(result.code, result.stderr).toBe(0);
    const state = JSON.parse(result.stdout);
    expect(state).toMatchObject({ status: 'COMPLETED', credits: 0 });
  });

  it('refuses a real run without keys, naming the variable (exit 2)', async () => {
    const result = await runBuilt(['run', example('product-variations.json')], { PIPEWRIGHT_HOME: home, FAL_KEY: '' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('set FAL_KEY');
  });

  it('the product example makes a three-image grid', async () => {
    const result = await runBuilt(['run', example('product-variations.json'), '--dry-run', '--json'], { PIPEWRIGHT_HOME: home });
    const state = JSON.parse(result.stdout);
    expect(state.finalOutput.variations).toHaveLength(3);
    const meta = await sharp(await readFile(fileURLToPath(state.finalOutput.contactSheet))).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 3 * 384 + 2 * 8 });
  });
});

describe('pipewright nodes', () => {
  it('lists the model catalog with categories, costs and providers, without aliases', async () => {
    const result = await runBuilt(['nodes'], { PIPEWRIGHT_HOME: home, FAL_KEY: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/generate:flux_2 +\[model\] 2 credits · fal fal-ai\/flux-2 \(not configured\)/);
    expect(result.stdout).toMatch(/input:text +\[input\] 0 credits/);
    expect(result.stdout).not.toMatch(/^generate:flux-2 /m);
  });

  it('lists aliases under their type, marked, when asked', async () => {
    const text = await runBuilt(['nodes', '--include-aliases'], { PIPEWRIGHT_HOME: home, FAL_KEY: '' });
    expect(text.stdout).toMatch(/^generate:flux-2 +\[deprecated\] alias of generate:flux_2$/m);
    const json = await runBuilt(['nodes', '--json', '--include-aliases'], { PIPEWRIGHT_HOME: home, FAL_KEY: '' });
    const { nodes } = JSON.parse(json.stdout) as { nodes: Array<{ nodeType: string }> };
    expect(nodes.find((node) => node.nodeType === 'generate:flux-2')).toMatchObject({ deprecated: true, aliasOf: 'generate:flux_2' });
  });
});
