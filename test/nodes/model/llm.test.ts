import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyFor } from '../../../src/net/index.js';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import { MODEL_CATALOG } from '../../../src/nodes/model/index.js';
import { routerAnswer } from '../../../src/nodes/model/catalog/llm-open.js';
import { INPUT_TOKENS_ASSUMED } from '../../../src/nodes/model/catalog/token-cost.js';
import { type ProviderAdapter, type ProviderId, providerSettingsFromEnv } from '../../../src/providers/index.js';
import { startAnthropicFake, type AnthropicFake } from '../../providers/fakes/anthropic-fake.js';
import { startFalFake, type FalFake } from '../../providers/fakes/fal-fake.js';
import { startOpenAiFake, type OpenAiFake } from '../../providers/fakes/openai-fake.js';
import { fastAdapter } from '../../providers/support.js';
import { runNode } from '../context.js';

const KEY = 'sk-llm-test-0123456789abcdef';
const FAL_KEY = 'llm-test:0123456789abcdef';
let openai: OpenAiFake;
let anthropic: AnthropicFake;
let fal: FalFake;
let registry: ReturnType<typeof createBuiltinRegistry>;

beforeAll(async () => {
  [openai, anthropic, fal] = await Promise.all([startOpenAiFake(KEY), startAnthropicFake(KEY), startFalFake(FAL_KEY)]);
  fal.knobs.queuedPolls = 0;
  fal.knobs.runningPolls = 0;
  const settings = providerSettingsFromEnv({
    OPENAI_API_KEY: KEY,
    OPENAI_BASE_URL: openai.baseUrl,
    ANTHROPIC_API_KEY: KEY,
    ANTHROPIC_BASE_URL: anthropic.url,
    FAL_KEY,
    FAL_QUEUE_URL: fal.url,
  });
  const providers = new Map<ProviderId, ProviderAdapter>((['openai', 'anthropic', 'fal'] as const).map((id) => [id, fastAdapter(id, settings)]));
  registry = createBuiltinRegistry({ providers });
});
afterAll(() => Promise.all([openai.close(), anthropic.close(), fal.close()]));

const ctx = { policy: policyFor('cli', {}), inputs: { prompt: 'a red sneaker' } };
const entry = (nodeType: string) => MODEL_CATALOG.find((model) => model.nodeType === nodeType)!;
const lastBody = (requests: readonly { body: unknown }[]) => requests.at(-1)?.body as Record<string, unknown>;

describe('llm reasoning models on OpenAI', () => {
  it.each(['llm:gpt_5_5', 'llm:gpt_5_4', 'llm:gpt_5_4_mini', 'llm:gpt_5_4_nano'])('%s sends max_completion_tokens and no temperature', async (nodeType) => {
    const out = await runNode(registry.get(nodeType)!, { reasoning_effort: 'low' }, ctx);
    expect(out.text).toEqual(expect.any(String));
    const body = lastBody(openai.requests);
    expect(body).toMatchObject({ model: entry(nodeType).endpoint.slice('chat:'.length), max_completion_tokens: 4000, reasoning_effort: 'low' });
    expect(body).not.toHaveProperty('max_tokens');
    expect(body).not.toHaveProperty('temperature');
  });
});

describe('llm Claude models', () => {
  it.each(['llm:claude_opus_5', 'llm:claude_sonnet_5'])('%s sends no sampling settings, and effort as output_config', async (nodeType) => {
    await runNode(registry.get(nodeType)!, { effort: 'medium', system: 'Be brief.' }, ctx);
    const body = lastBody(anthropic.requests);
    expect(body).toMatchObject({ model: entry(nodeType).endpoint, system: 'Be brief.', max_tokens: 8000, output_config: { effort: 'medium' } });
    expect(body).not.toHaveProperty('temperature');
  });

  it('keeps temperature for the models that still take it', async () => {
    await runNode(registry.get('llm:claude_haiku_4_5')!, { temperature: 0.2 }, ctx);
    expect(lastBody(anthropic.requests)).toMatchObject({ model: 'claude-haiku-4-5', temperature: 0.2, max_tokens: 1000 });
  });

  it.each(MODEL_CATALOG.filter((model) => model.provider === 'anthropic').map((model) => [model.nodeType, model]))(
    '%s waits as long as the SDK does (10 minutes)',
    (_, model) => expect(model.timeoutMs).toBe(600_000),
  );
});

describe('llm open models on fal', () => {
  it.each(['llm:llama_4_maverick', 'llm:deepseek_v3_2', 'llm:gpt_oss_120b'])('%s runs on openrouter/router with its model id', async (nodeType) => {
    const out = await runNode(registry.get(nodeType)!, {}, ctx);
    expect(out.text).toEqual(expect.any(String));
    const { endpoint, input } = fal.submitted.at(-1)!;
    expect(endpoint).toBe('openrouter/router');
    expect(input).toEqual({ prompt: 'a red sneaker', model: expect.stringContaining('/'), temperature: 1, max_tokens: 1000, reasoning: false });
    expect(fal.refused).toEqual([]);
  });

  it('reads fal error in place of an answer as a provider fault', () => {
    expect(routerAnswer({ output: 'hi' })).toEqual({ text: 'hi' });
    expect(() => routerAnswer({ output: '', error: 'model overloaded' })).toThrow(/model overloaded/);
  });
});

describe('llm costs: an upper bound from the settings', () => {
  // (assumed input × input price + answer bound × output price), US$ per million tokens, in cents, rounded up.
  const bound = (input: number, output: number, answer: number) => Math.ceil((INPUT_TOKENS_ASSUMED * input + answer * output) / 10_000);

  it.each([
    ['llm:gpt_5_5', { max_completion_tokens: 4000 }, bound(5, 30, 4000)],
    ['llm:gpt_5_4_nano', { max_completion_tokens: 128_000 }, bound(0.2, 1.25, 128_000)],
    ['llm:claude_opus_5', { max_tokens: 128_000 }, bound(5, 25, 128_000)],
    ['llm:claude_sonnet_5', {}, bound(2, 10, 8000)],
    ['llm:gpt_4o_mini', { max_tokens: 16_384 }, bound(0.15, 0.6, 16_384)],
    ['llm:llama_4_maverick', { max_tokens: 32_768 }, bound(0.17, 0.85, 32_768)],
    ['llm:gpt_oss_120b', { max_tokens: 32_768 }, 1],
  ] as const)('%s %j costs %i credits', (nodeType, settings, credits) => {
    const model = entry(nodeType);
    expect(model.cost(model.params.parse(settings))).toBe(credits);
  });

  it('names the price page and the day it was read on every priced LLM entry', () => {
    for (const model of MODEL_CATALOG.filter((candidate) => candidate.kind === 'llm' && candidate.nodeType !== 'llm:openai_compatible')) {
      expect(model.price, model.nodeType).toEqual({ source: expect.stringMatching(/^https:\/\//), checked: '2026-12-03' });
    }
  });
});
