import { z } from 'zod';
import { CHAT_TIMEOUT_MS, answerBound, llmCommon, systemParam, temperatureParam } from './chat-params.js';
import { defineModel, type ModelEntry } from './entry.js';
import { unexpectedOutput } from './outputs.js';
import { type TokenPrice, tokenCost } from './token-cost.js';
import { PRICES_CHECKED } from './fields.js';

/**
 * Open-weight models through fal's OpenRouter endpoint, `openrouter/router`
 * (https://fal.ai/models/openrouter/router/api; its input is `ChatInput` in fal-ai/fal-js
 * libs/client/src/types/endpoints.ts): `prompt`, `system_prompt`, `model`, `temperature` (0–2,
 * default 1), `max_tokens`, `reasoning`; the answer is `{output}`. fal bills "the number of input
 * and output tokens" of the model named (https://fal.ai/models/openrouter/router/llms.txt) but
 * publishes no per-token rates, so the rates here are OpenRouter's for that model, from its page
 * (`price.source`). That is not the provider's (fal's) own price, so these entries are not
 * `documented` (entry.ts): the parameter names are fal's, the price is not.
 */
const ROUTER = 'openrouter/router';

const routerParams = z.strictObject({
  system_prompt: systemParam(),
  temperature: temperatureParam(2, 1),
  max_tokens: answerBound(32_768, 1000),
  reasoning: z.boolean().default(false).describe("Include the model's reasoning in the answer, for models that reason."),
});
type RouterParams = z.infer<typeof routerParams>;

/** `{output}`, or the `error` fal reports in its place. */
export function routerAnswer(raw: unknown): Record<string, unknown> {
  const { output, error } = (raw ?? {}) as { output?: unknown; error?: unknown };
  if (typeof output === 'string' && output !== '') return { text: output };
  throw unexpectedOutput(typeof error === 'string' && error !== '' ? `answer (fal said: ${error.slice(0, 200)})` : 'answer');
}

interface OpenModel {
  nodeType: string;
  model: string;
  label: string;
  description: string;
  rates: TokenPrice;
}

const openModel = ({ model, rates, ...names }: OpenModel) =>
  defineModel<RouterParams>({
    ...llmCommon,
    ...names,
    provider: 'fal',
    endpoint: ROUTER,
    params: routerParams,
    cost: tokenCost(rates, 'max_tokens'),
    price: { source: `https://openrouter.ai/${model}`, checked: PRICES_CHECKED },
    timeoutMs: CHAT_TIMEOUT_MS,
    toInput: (inputs, { system_prompt, ...settings }) => ({
      prompt: String(inputs.prompt),
      model,
      ...(system_prompt === '' ? {} : { system_prompt }),
      ...settings,
    }),
    fromOutput: routerAnswer,
    source: 'https://fal.ai/models/openrouter/router/api',
    documented: false,
  });

export const openModels: readonly ModelEntry[] = [
  openModel({
    nodeType: 'llm:llama_4_maverick',
    model: 'meta-llama/llama-4-maverick',
    label: 'Llama 4 Maverick',
    description: "Meta's open-weight Llama 4 Maverick (on fal): fast, inexpensive multilingual writing, rewrites and extraction.",
    rates: { input: 0.17, output: 0.85 },
  }),
  openModel({
    nodeType: 'llm:deepseek_v3_2',
    model: 'deepseek/deepseek-v3.2',
    label: 'DeepSeek V3.2',
    description: 'DeepSeek V3.2, an open-weight reasoning model (on fal): analysis, code and structured answers at a low price.',
    rates: { input: 0.28, output: 0.4 },
  }),
  openModel({
    nodeType: 'llm:gpt_oss_120b',
    model: 'openai/gpt-oss-120b',
    label: 'gpt-oss-120b',
    description: "OpenAI's open-weight gpt-oss-120b (on fal): reasoning and structured text at open-model prices.",
    rates: { input: 0.039, output: 0.19 },
  }),
];
