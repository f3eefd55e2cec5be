import { z } from 'zod';
import { SDK_TIMEOUT_MS, answerBound, effortParam, llmCommon, systemParam, temperatureParam } from './chat-params.js';
import { defineModel, type ModelEntry } from './entry.js';
import { anthropicMessage } from './outputs.js';
import { type TokenPrice, tokenCost } from './token-cost.js';
import { PRICES_CHECKED } from './fields.js';

// Model ids: `Model` in anthropics/anthropic-sdk-typescript src/resources/messages/messages.ts.
// Prices and longest answers: https://platform.claude.com/docs/en/about-claude/pricing and
// https://platform.claude.com/docs/en/about-claude/models/overview, read on the day in PRICES_CHECKED.
const anthropic = {
  ...llmCommon,
  provider: 'anthropic',
  fromOutput: anthropicMessage,
  source: 'https://docs.anthropic.com/en/api/messages',
  documented: true,
  price: { source: 'https://platform.claude.com/docs/en/about-claude/pricing', checked: PRICES_CHECKED },
  timeoutMs: SDK_TIMEOUT_MS,
} as const;

/** Models up to Claude Opus 4.6 take `temperature`, 0–1. */
const samplingParams = (maxTokens: number) =>
  z.strictObject({ system: systemParam(), temperature: temperatureParam(1, 0.7), max_tokens: answerBound(64_000, maxTokens) });
type SamplingParams = z.infer<ReturnType<typeof samplingParams>>;

/**
 * Models released after Claude Opus 4.6 answer 400 to any `temperature`, `top_p` or `top_k` but the
 * default (MessageCreateParams in the SDK), so they have none; they think adaptively, and the
 * thinking counts toward `max_tokens`, so the default leaves room for it. `effort` is sent as
 * `output_config.effort`.
 */
const adaptiveParams = z.strictObject({
  system: systemParam(),
  max_tokens: answerBound(128_000, 8000, 'the answer and its thinking together'),
  effort: effortParam('output_config.effort'),
});
type AdaptiveParams = z.infer<typeof adaptiveParams>;

/** https://docs.anthropic.com/en/api/messages: `system` beside `messages`, `max_tokens` required. */
const messagesInput = (inputs: Readonly<Record<string, unknown>>, system: string) => ({
  ...(system === '' ? {} : { system }),
  messages: [{ role: 'user', content: String(inputs.prompt) }],
});

interface Claude {
  nodeType: string;
  model: string;
  aliases?: readonly string[];
  label: string;
  description: string;
  rates: TokenPrice;
}

const samplingModel = ({ model, rates, ...names }: Claude, maxTokens: number) =>
  defineModel<SamplingParams>({
    ...anthropic,
    ...names,
    endpoint: model,
    params: samplingParams(maxTokens),
    cost: tokenCost(rates, 'max_tokens'),
    toInput: (inputs, { system, temperature, max_tokens }) => ({ ...messagesInput(inputs, system), temperature, max_tokens }),
  });

const adaptiveModel = ({ model, rates, ...names }: Claude) =>
  defineModel<AdaptiveParams>({
    ...anthropic,
    ...names,
    endpoint: model,
    params: adaptiveParams,
    cost: tokenCost(rates, 'max_tokens'),
    toInput: (inputs, { system, max_tokens, effort }) => ({
      ...messagesInput(inputs, system),
      max_tokens,
      ...(effort === undefined ? {} : { output_config: { effort } }),
    }),
  });

export const anthropicModels: readonly ModelEntry[] = [
  adaptiveModel({
    nodeType: 'llm:claude_opus_5',
    model: 'claude-opus-5',
    label: 'Claude Opus 5',
    description: "Anthropic Claude Opus 5, Anthropic's most capable generally available model: complex briefs, long scripts, careful analysis.",
    rates: { input: 5, output: 25 },
  }),
  adaptiveModel({
    nodeType: 'llm:claude_sonnet_5',
    model: 'claude-sonnet-5',
    label: 'Claude Sonnet 5',
    description: 'Anthropic Claude Sonnet 5: the best balance of speed and intelligence for scripts, product copy and multi-step briefs.',
    rates: { input: 2, output: 10 },
  }),
  samplingModel(
    {
      nodeType: 'llm:claude_sonnet_4_5',
      model: 'claude-sonnet-4-5',
      aliases: ['llm:claude-sonnet-4-5', 'llm:claude-sonnet-4.5', 'llm:claude'],
      label: 'Claude Sonnet 4.5',
      description: 'Anthropic Claude Sonnet 4.5: strong writing and reasoning for scripts, product copy and multi-step briefs.',
      rates: { input: 3, output: 15 },
    },
    2000,
  ),
  samplingModel(
    {
      nodeType: 'llm:claude_haiku_4_5',
      model: 'claude-haiku-4-5',
      aliases: ['llm:claude-haiku-4-5', 'llm:claude-haiku-4.5'],
      label: 'Claude Haiku 4.5',
      description: 'Anthropic Claude Haiku 4.5: quick, low-cost answers, captions and classification.',
      rates: { input: 1, output: 5 },
    },
    1000,
  ),
];
