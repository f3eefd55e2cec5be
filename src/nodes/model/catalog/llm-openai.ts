import { z } from 'zod';
import { answerLimit } from './chat-family.js';
import { CHAT_TIMEOUT_MS, SDK_TIMEOUT_MS, answerBound, effortParam, llmCommon, systemParam, temperatureParam } from './chat-params.js';
import { defineModel, type ModelEntry } from './entry.js';
import { chatCompletion } from './outputs.js';
import { type TokenPrice, tokenCost } from './token-cost.js';
import { PRICES_CHECKED } from './fields.js';

// Model ids: ChatModel in openai/openai-node src/resources/shared.ts. Prices: the standard tier of
// https://developers.openai.com/api/docs/pricing, read on the day in PRICES_CHECKED.
const openai = {
  ...llmCommon,
  provider: 'openai',
  fromOutput: chatCompletion,
  source: 'https://platform.openai.com/docs/api-reference/chat/create',
  documented: true,
} as const;
const price = { source: 'https://developers.openai.com/api/docs/pricing', checked: PRICES_CHECKED };

const REWRITE_INSTRUCTIONS =
  'You rewrite short ideas into one detailed prompt for an image or video model. Describe subject, setting, composition, ' +
  'lighting, lens and style in one paragraph of plain prose. Answer with the prompt only: no preamble, quotes or lists.';

const GPT_4O_MINI: TokenPrice = { input: 0.15, output: 0.6 };

/** Chat models that take `temperature` (0–2) and `max_tokens`, up to the model's longest answer. */
const chatParams = (system: string, maxTokens: number, longest: number) =>
  z.strictObject({ system: systemParam(system), temperature: temperatureParam(2, 0.7), max_tokens: answerBound(longest, maxTokens) });
type ChatParams = z.infer<ReturnType<typeof chatParams>>;

// Any model: the server's own default temperature unless one is set, since reasoning models
// (o-series, gpt-5) refuse every other value.
const anyModelParams = chatParams('', 1000, 32_000).extend({
  model: z.string().min(1).max(200).default('gpt-4o-mini').describe('The model name the server knows (llama3.2, o4-mini, openai/gpt-4o…).'),
  temperature: z
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe("Randomness, 0–2; unset uses the model's own default (o-series and gpt-5 models accept only that)."),
});
type AnyModelParams = z.infer<typeof anyModelParams>;

/** Reasoning models refuse `temperature` and `max_tokens`: the bound is `max_completion_tokens`, reasoning included. */
const reasoningParams = z.strictObject({
  system: systemParam(),
  max_completion_tokens: answerBound(128_000, 4000, 'the answer and its hidden reasoning together'),
  reasoning_effort: effortParam('reasoning_effort'),
  verbosity: z.enum(['low', 'medium', 'high']).optional().describe("How long the visible answer runs. Unset: the model's default (medium)."),
});
type ReasoningParams = z.infer<typeof reasoningParams>;

const messages = (system: string, prompt: unknown) => [
  ...(system === '' ? [] : [{ role: 'system', content: system }]),
  { role: 'user', content: String(prompt) },
];

/** https://platform.openai.com/docs/api-reference/chat/create, with the answer bound under the name the model's family takes (chat-family.ts). */
const chatInput = (inputs: Readonly<Record<string, unknown>>, { system, temperature, max_tokens, model }: AnyModelParams) => ({
  messages: messages(system, inputs.prompt),
  ...(temperature === undefined ? {} : { temperature }),
  ...answerLimit(model, max_tokens),
});
/** A node for one fixed model: the endpoint and the body name the same model. */
const chatModel = (model: string) => ({
  endpoint: `chat:${model}`,
  toInput: (inputs: Readonly<Record<string, unknown>>, params: ChatParams) => chatInput(inputs, { ...params, model }),
});

interface ReasoningModel {
  nodeType: string;
  model: string;
  label: string;
  description: string;
  rates: TokenPrice;
}

const reasoningModel = ({ model, rates, ...names }: ReasoningModel) =>
  defineModel<ReasoningParams>({
    ...openai,
    ...names,
    endpoint: `chat:${model}`,
    params: reasoningParams,
    cost: tokenCost(rates, 'max_completion_tokens'),
    price,
    timeoutMs: SDK_TIMEOUT_MS,
    toInput: (inputs, { system, max_completion_tokens, reasoning_effort, verbosity }) => ({
      messages: messages(system, inputs.prompt),
      max_completion_tokens,
      ...(reasoning_effort === undefined ? {} : { reasoning_effort }),
      ...(verbosity === undefined ? {} : { verbosity }),
    }),
  });

export const openAiModels: readonly ModelEntry[] = [
  defineModel({
    ...openai,
    nodeType: 'llm:prompt_rewrite',
    aliases: ['llm:prompt-rewrite', 'llm:enhance_prompt', 'utility:prompt_enhance'],
    label: 'Prompt rewrite',
    description: 'Turns a short idea into one detailed image/video prompt (subject, light, lens, style); put it before any generator.',
    ...chatModel('gpt-4o-mini'),
    params: chatParams(REWRITE_INSTRUCTIONS, 400, 16_384),
    cost: tokenCost(GPT_4O_MINI, 'max_tokens'),
    price,
    timeoutMs: CHAT_TIMEOUT_MS,
  }),
  defineModel({
    ...openai,
    nodeType: 'llm:gpt_4o_mini',
    aliases: ['llm:gpt-4o-mini'],
    label: 'GPT-4o mini',
    description: 'OpenAI GPT-4o mini: fast, inexpensive text for captions, rewrites, extraction and short answers.',
    ...chatModel('gpt-4o-mini'),
    params: chatParams('', 1000, 16_384),
    cost: tokenCost(GPT_4O_MINI, 'max_tokens'),
    price,
    timeoutMs: CHAT_TIMEOUT_MS,
  }),
  defineModel({
    ...openai,
    nodeType: 'llm:gpt_4_1',
    aliases: ['llm:gpt-4.1'],
    label: 'GPT-4.1',
    description: 'OpenAI GPT-4.1: careful instruction following and long inputs, for scripts, briefs and structured text.',
    ...chatModel('gpt-4.1'),
    params: chatParams('', 2000, 32_768),
    cost: tokenCost({ input: 2, output: 8 }, 'max_tokens'),
    price,
    timeoutMs: CHAT_TIMEOUT_MS,
  }),
  reasoningModel({
    nodeType: 'llm:gpt_5_5',
    model: 'gpt-5.5',
    label: 'GPT-5.5',
    description: "OpenAI GPT-5.5, OpenAI's flagship reasoning model: the hardest briefs, scripts and multi-step analysis.",
    rates: { input: 5, output: 30 },
  }),
  reasoningModel({
    nodeType: 'llm:gpt_5_4',
    model: 'gpt-5.4',
    label: 'GPT-5.4',
    description: 'OpenAI GPT-5.4: strong reasoning and writing at half the price of GPT-5.5.',
    rates: { input: 2.5, output: 15 },
  }),
  reasoningModel({
    nodeType: 'llm:gpt_5_4_mini',
    model: 'gpt-5.4-mini',
    label: 'GPT-5.4 mini',
    description: 'OpenAI GPT-5.4 mini: quick, low-cost reasoning for rewrites, extraction, classification and captions.',
    rates: { input: 0.75, output: 4.5 },
  }),
  reasoningModel({
    nodeType: 'llm:gpt_5_4_nano',
    model: 'gpt-5.4-nano',
    label: 'GPT-5.4 nano',
    description: "OpenAI GPT-5.4 nano: OpenAI's cheapest model, for high-volume labels, short rewrites and routing decisions.",
    rates: { input: 0.2, output: 1.25 },
  }),
  defineModel<AnyModelParams>({
    ...openai,
    nodeType: 'llm:openai_compatible',
    aliases: ['llm:chat', 'llm:ollama', 'llm:openrouter'],
    label: 'Any OpenAI-compatible model',
    description: 'Any chat model behind the configured OpenAI-compatible server (OpenAI, OpenRouter, Ollama, vLLM, LM Studio), by name.',
    endpoint: 'chat:gpt-4o-mini',
    endpointFor: (p) => `chat:${p.model}`,
    params: anyModelParams,
    // The model is a setting and the server may be a local one that costs nothing, so no price
    // page applies: a flat credit per 1,000 tokens of answer.
    cost: (p) => Math.ceil(p.max_tokens / 1000),
    price: 'per-model',
    timeoutMs: CHAT_TIMEOUT_MS,
    toInput: chatInput,
  }),
];
