import { z } from 'zod';

/**
 * What OpenAI's chat completions accept, written from the request type of its SDK (openai/openai-node
 * at 7b7d6ca, 2026-08-21: `ChatCompletionCreateParamsBase` in src/resources/chat/completions/completions.ts,
 * `ChatModel` and `ReasoningEffort` in src/resources/shared.ts) and the API reference. OpenAI refuses
 * a body with an argument it does not know, so this is strict; fields we never send are typed loosely.
 * Image generation: openai-image-rules.ts.
 */
const anything = z.unknown().optional();

const message = z.looseObject({
  role: z.enum(['developer', 'system', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(anything), z.null()]),
});

export const chatCompletionBody = z.strictObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  stream: z.boolean().nullish(),
  stream_options: anything,
  stop: z.union([z.string(), z.array(z.string()).max(4), z.null()]).optional(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  logit_bias: anything,
  logprobs: z.boolean().nullish(),
  top_logprobs: z.number().int().min(0).max(20).nullish(),
  response_format: anything,
  seed: z.number().int().nullish(),
  tools: anything,
  tool_choice: anything,
  parallel_tool_calls: z.boolean().optional(),
  user: z.string().optional(),
  safety_identifier: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  prompt_cache_options: anything,
  prompt_cache_retention: z.enum(['in_memory', '24h']).nullish(),
  moderation: anything,
  store: z.boolean().nullish(),
  metadata: anything,
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh', 'max']).nullish(),
  verbosity: z.enum(['low', 'medium', 'high']).nullish(),
  service_tier: z.enum(['auto', 'default', 'flex', 'scale', 'priority', 'fast']).nullish(),
  modalities: anything,
  audio: anything,
  prediction: anything,
  web_search_options: anything,
  functions: anything,
  function_call: anything,
});

/**
 * OpenAI's reasoning models (the o-series and the GPT-5 family, https://platform.openai.com/docs/guides/reasoning),
 * by the ids the SDK's `ChatModel` lists (a dated snapshot such as `o3-2025-04-16` is the same
 * model). They answer 400 to `max_tokens` and to any `temperature` other than 1. Listed here by
 * name, not by our own rule, so that the stand-in checks our rule. The `*-chat-latest` ids are the
 * ChatGPT chat models, not reasoning ones, and are left out.
 */
const REASONING_MODELS = new Set([
  ...['o1', 'o1-mini', 'o1-preview', 'o1-pro', 'o3', 'o3-mini', 'o3-pro', 'o4-mini', 'o3-deep-research', 'o4-mini-deep-research', 'codex-mini-latest'],
  ...['gpt-5', 'gpt-5-mini', 'gpt-5-nano', 'gpt-5-pro', 'gpt-5-codex', 'gpt-5.1', 'gpt-5.1-mini', 'gpt-5.1-codex', 'gpt-5.2', 'gpt-5.2-pro'],
  ...['gpt-5.4', 'gpt-5.4-mini', 'gpt-5.4-nano', 'gpt-5.5', 'gpt-5.6-sol', 'gpt-5.6-terra', 'gpt-5.6-luna'],
]);

export function isReasoningModelId(model: string): boolean {
  return REASONING_MODELS.has(model.replace(/-\d{4}-\d{2}-\d{2}$/, ''));
}

export interface OpenAiRefusal {
  message: string;
  param: string | null;
  code: string | null;
}

/** The first problem OpenAI would report for a body, in its own words, or undefined. */
export function schemaRefusal(schema: z.ZodType, body: unknown): OpenAiRefusal | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  const param = issue.path.join('.') || null;
  if (issue.code === 'unrecognized_keys') return { message: `Unrecognized request argument supplied: ${issue.keys[0]}`, param: null, code: null };
  if (issue.code === 'invalid_type' && issue.input === undefined)
    return { message: `Missing required parameter: '${param}'.`, param, code: 'missing_required_parameter' };
  return { message: `Invalid value for '${param}': ${issue.message}.`, param, code: issue.code === 'invalid_type' ? 'invalid_type' : 'invalid_value' };
}

export function reasoningRefusal(body: { model: string; max_tokens?: number | null; temperature?: number | null }): OpenAiRefusal | undefined {
  if (!isReasoningModelId(body.model)) return undefined;
  if (body.max_tokens !== undefined && body.max_tokens !== null) {
    return {
      message: "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
      param: 'max_tokens',
      code: 'unsupported_parameter',
    };
  }
  if (body.temperature !== undefined && body.temperature !== null && body.temperature !== 1) {
    return {
      message: `Unsupported value: 'temperature' does not support ${body.temperature} with this model. Only the default (1) value is supported.`,
      param: 'temperature',
      code: 'unsupported_value',
    };
  }
  return undefined;
}
