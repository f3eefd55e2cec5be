import { z } from 'zod';

/**
 * What OpenAI accepts, written from the request types of its SDK (openai/openai-node:
 * `ChatCompletionCreateParamsBase` in src/resources/chat/completions/completions.ts and
 * `ImageGenerateParams` in src/resources/images.ts) and the API reference. OpenAI refuses a body
 * with an argument it does not know, so these are strict; fields we never send are typed loosely.
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
  safety_identifier: z.string().optional(),
  prompt_cache_key: z.string().optional(),
  store: z.boolean().nullish(),
  metadata: anything,
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high']).nullish(),
  verbosity: z.enum(['low', 'medium', 'high']).nullish(),
  service_tier: z.enum(['auto', 'default', 'flex', 'scale', 'priority']).nullish(),
  modalities: anything,
  audio: anything,
  prediction: anything,
  web_search_options: anything,
  functions: anything,
  function_call: anything,
});

export const imageGenerationBody = z.strictObject({
  prompt: z.string().min(1).max(32_000),
  model: z.string().optional(),
  n: z.number().int().min(1).max(10).nullish(),
  size: z.enum(['auto', '1024x1024', '1536x1024', '1024x1536', '256x256', '512x512', '1792x1024', '1024x1792']).nullish(),
  quality: z.enum(['standard', 'hd', 'low', 'medium', 'high', 'auto']).nullish(),
  background: z.enum(['transparent', 'opaque', 'auto']).nullish(),
  output_format: z.enum(['png', 'jpeg', 'webp']).nullish(),
  output_compression: z.number().int().min(0).max(100).nullish(),
  moderation: z.enum(['low', 'auto']).nullish(),
  response_format: z.enum(['url', 'b64_json']).nullish(),
  style: z.enum(['vivid', 'natural']).nullish(),
  user: z.string().optional(),
});

/**
 * OpenAI's reasoning models, by the ids its model list publishes (a dated snapshot such as
 * `o3-2025-04-16` is the same model). They answer 400 to `max_tokens` and to any `temperature`
 * other than 1. Listed here by name, not by our own rule, so that the stand-in checks our rule.
 */
const REASONING_MODELS = new Set([
  'o1',
  'o1-mini',
  'o1-pro',
  'o3',
  'o3-mini',
  'o3-pro',
  'o4-mini',
  'o3-deep-research',
  'o4-mini-deep-research',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'gpt-5-pro',
  'gpt-5-codex',
  'gpt-5.1',
  'gpt-5.1-mini',
  'gpt-5.1-codex',
  'gpt-5.2',
  'gpt-5.2-pro',
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
