import { expect } from 'vitest';
import type { StandIns } from './stand-ins.js';

export const node = (id: string, nodeType: string, config: Record<string, unknown> = {}) => ({
  id,
  type: 'basedNode',
  position: { x: 0, y: 0 },
  data: { nodeType, config },
});
export const wire = (source: string, sourcePort: string, target: string, targetPort: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  sourceHandle: `out-${sourcePort}`,
  targetHandle: `in-${targetPort}`,
});

export const MOODS = ['Morning light', 'Studio white', 'Golden hour'];

/**
 * The main job, every kind of outbound call in one graph: a chat model, an o-series model (which
 * refuses max_tokens and temperature), a fal image model making two images that are resized one
 * by one and laid out as a grid, and a text list fanned over a gpt-5 model.
 */
export const MAIN_GRAPH = {
  name: 'e2e main job',
  nodes: [
    node('idea', 'input:text', { prompt: 'a red sneaker on white marble' }),
    node('rewrite', 'llm:gpt_4o_mini'),
    node('critic', 'llm:openai_compatible', { model: 'o4-mini', max_tokens: 500 }),
    node('shot', 'generate:flux_2', { num_images: 2, image_size: 'square' }),
    node('thumb', 'utility:image_resize', { width: 32, height: 32 }),
    node('sheet', 'utility:image_grid', { columns: 2 }),
    node('moods', 'input:text', { prompt: MOODS.join(', ') }),
    node('split', 'utility:text_split', { separator: ',' }),
    node('caption', 'llm:openai_compatible', { model: 'gpt-5-mini' }),
    node('out_sheet', 'output:result', { name: 'sheet' }),
    node('out_captions', 'output:result', { name: 'captions' }),
    node('out_critic', 'output:result', { name: 'critic' }),
  ],
  edges: [
    wire('idea', 'text', 'rewrite', 'prompt'),
    wire('rewrite', 'text', 'critic', 'prompt'),
    wire('rewrite', 'text', 'shot', 'prompt'),
    wire('shot', 'images', 'thumb', 'image'),
    wire('thumb', 'image', 'sheet', 'images'),
    wire('moods', 'text', 'split', 'text'),
    wire('split', 'items', 'caption', 'prompt'),
    wire('sheet', 'image', 'out_sheet', 'value'),
    wire('caption', 'text', 'out_captions', 'value'),
    wire('critic', 'text', 'out_critic', 'value'),
  ],
};

/** Exactly one provider call per expected request, every body one the provider accepts. */
export function expectOneCallPerRequest(standIns: StandIns): void {
  const chats = standIns.openai.requests.filter((request) => request.path === '/v1/chat/completions');
  const models = chats.map((request) => (request.body as { model: string }).model).sort();
  expect(models).toEqual(['gpt-4o-mini', 'gpt-5-mini', 'gpt-5-mini', 'gpt-5-mini', 'o4-mini']);
  expect(standIns.openai.requests).toHaveLength(5);
  expect(standIns.fal.refused).toEqual([]);
  expect(standIns.fal.submitted).toEqual([{ endpoint: 'fal-ai/flux-2', input: expect.objectContaining({ num_images: 2 }) }]);
  expect(standIns.fal.counters.results).toBe(1);
  expect(standIns.fal.counters.cancels).toBe(0);
  // Each generated image is fetched once, when the model node keeps it; thumbnails read the kept copy.
  expect(standIns.fal.counters.downloads).toBe(2);
}

/** What the run's outputs must be, whichever face ran it. */
export function expectMainOutputs(finalOutput: Record<string, unknown>): void {
  expect(finalOutput.captions).toEqual([expect.any(String), expect.any(String), expect.any(String)]);
  expect(finalOutput.critic).toEqual(expect.any(String));
  expect(finalOutput.sheet).toEqual(expect.any(String));
}
