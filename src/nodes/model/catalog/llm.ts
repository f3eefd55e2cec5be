import { z } from 'zod';
import { answerLimit } from './chat-family.js';
import { defineModel, type ModelEntry } from './entry.js';
import { anthropicMessage, chatCompletion } from './outputs.js';
import { promptIn, textOut } from './ports.js';

const common = { kind: 'llm', inputs: [promptIn], outputs: [textOut], timeoutMs: 120_000 } as const;

const REWRITE_INSTRUCTIONS =
  'You rewrite short ideas into one detailed prompt for an image or video model. Describe subject, setting, composition, ' +
  'lighting, lens and style in one paragraph of plain prose. Answer with the prompt only: no preamble, quotes or lists.';

const chatParams = (system: string, maxTokens: number, temperatureMax: number) =>
  z.strictObject({
    system: z.string().max(20_000).default(system).describe('Instructions the model follows for every prompt.'),
    temperature: z.number().min(0).max(temperatureMax).default(0.7).describe(`Randomness, 0–${temperatureMax}: lower is more predictable.`),
    max_tokens: z.number().int().min(1).max(32_000).default(maxTokens).describe('Upper bound on the answer length, in tokens.'),
  });
type ChatParams = z.infer<ReturnType<typeof chatParams>>;

// Any model: the server's own default temperature unless one is set, since reasoning models
// (o-series, gpt-5) refuse every other value.
const anyModelParams = chatParams('', 1000, 2).extend({
  model: z.string().min(1).max(200).default('gpt-4o-mini').describe('The model name the server knows (llama3.2, o4-mini, openai/gpt-4o…).'),
  temperature: z
    .number()
    .min(0)
    .max(2)
    .optional()
    .describe("Randomness, 0–2; unset uses the model's own default (o-series and gpt-5 models accept only that)."),
});
type AnyModelParams = z.infer<typeof anyModelParams>;

/** Per 1,000 tokens of answer at most: the bound is what a run is priced at, so it never costs more. */
const perThousandTokens = (credits: number) => (p: { max_tokens: number }) => credits * Math.ceil(p.max_tokens / 1000);

/**
 * https://platform.openai.com/docs/api-reference/chat/create: `messages`, `temperature`, and the
 * answer bound under the name the model's family takes (chat-family.ts).
 */
const chatInput = (inputs: Readonly<Record<string, unknown>>, { system, temperature, max_tokens, model }: AnyModelParams) => ({
  messages: [...(system === '' ? [] : [{ role: 'system', content: system }]), { role: 'user', content: String(inputs.prompt) }],
  ...(temperature === undefined ? {} : { temperature }),
  ...answerLimit(model, max_tokens),
});
/** A node for one fixed model: the endpoint and the body name the same model. */
const chatModel = (model: string) => ({
  endpoint: `chat:${model}`,
  toInput: (inputs: Readonly<Record<string, unknown>>, params: ChatParams) => chatInput(inputs, { ...params, model }),
});

/** https://docs.anthropic.com/en/api/messages: `system` beside `messages`, `max_tokens` required. */
const messagesInput = (inputs: Readonly<Record<string, unknown>>, { system, temperature, max_tokens }: ChatParams) => ({
  ...(system === '' ? {} : { system }),
  messages: [{ role: 'user', content: String(inputs.prompt) }],
  temperature,
  max_tokens,
});

const openai = {
  provider: 'openai',
  fromOutput: chatCompletion,
  source: 'https://platform.openai.com/docs/api-reference/chat/create',
  documented: true,
} as const;
const anthropic = { provider: 'anthropic', fromOutput: anthropicMessage, source: 'https://docs.anthropic.com/en/api/messages', documented: true } as const;

export const llmModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    ...openai,
    nodeType: 'llm:prompt_rewrite',
    aliases: ['llm:prompt-rewrite', 'llm:enhance_prompt', 'utility:prompt_enhance'],
    label: 'Prompt rewrite',
    description: 'Turns a short idea into one detailed image/video prompt (subject, light, lens, style); put it before any generator.',
    ...chatModel('gpt-4o-mini'),
    params: chatParams(REWRITE_INSTRUCTIONS, 400, 2),
    cost: perThousandTokens(1),
  }),
  defineModel({
    ...common,
    ...openai,
    nodeType: 'llm:gpt_4o_mini',
    aliases: ['llm:gpt-4o-mini'],
    label: 'GPT-4o mini',
    description: 'OpenAI GPT-4o mini: fast, inexpensive text for captions, rewrites, extraction and short answers.',
    ...chatModel('gpt-4o-mini'),
    params: chatParams('', 1000, 2),
    cost: perThousandTokens(1),
  }),
  defineModel({
    ...common,
    ...openai,
    nodeType: 'llm:gpt_4_1',
    aliases: ['llm:gpt-4.1'],
    label: 'GPT-4.1',
    description: 'OpenAI GPT-4.1: careful instruction following and long inputs, for scripts, briefs and structured text.',
    ...chatModel('gpt-4.1'),
    params: chatParams('', 2000, 2),
    cost: perThousandTokens(1),
  }),
  defineModel<AnyModelParams>({
    ...common,
    ...openai,
    nodeType: 'llm:openai_compatible',
    aliases: ['llm:chat', 'llm:ollama', 'llm:openrouter'],
    label: 'Any OpenAI-compatible model',
    description: 'Any chat model behind the configured OpenAI-compatible server (OpenAI, OpenRouter, Ollama, vLLM, LM Studio), by name.',
    endpoint: 'chat:gpt-4o-mini',
    endpointFor: (p) => `chat:${p.model}`,
    params: anyModelParams,
    cost: perThousandTokens(1),
    toInput: chatInput,
  }),
  defineModel({
    ...common,
    ...anthropic,
    nodeType: 'llm:claude_sonnet_4_5',
    aliases: ['llm:claude-sonnet-4-5', 'llm:claude-sonnet-4.5', 'llm:claude'],
    label: 'Claude Sonnet 4.5',
    description: 'Anthropic Claude Sonnet 4.5: strong writing and reasoning for scripts, product copy and multi-step briefs.',
    endpoint: 'claude-sonnet-4-5',
    params: chatParams('', 2000, 1),
    cost: perThousandTokens(2),
    toInput: messagesInput,
  }),
  defineModel({
    ...common,
    ...anthropic,
    nodeType: 'llm:claude_haiku_4_5',
    aliases: ['llm:claude-haiku-4-5', 'llm:claude-haiku-4.5'],
    label: 'Claude Haiku 4.5',
    description: 'Anthropic Claude Haiku 4.5: quick, low-cost answers, captions and classification.',
    endpoint: 'claude-haiku-4-5',
    params: chatParams('', 1000, 1),
    cost: perThousandTokens(1),
    toInput: messagesInput,
  }),
];
