import { z } from 'zod';

/**
 * What the Messages API accepts, written from its SDK's request type (anthropics/anthropic-sdk-typescript
 * at bfa9197, 2026-08-19: `MessageCreateParamsBase`, `MessageParam` and `Model` in
 * src/resources/messages/messages.ts). The API refuses a key it does not know, so this is strict;
 * fields we never send are typed loosely.
 */
const anything = z.unknown().optional();

export const messageCreateBody = z.strictObject({
  model: z.string().min(1),
  max_tokens: z.number().int().min(0),
  messages: z
    .array(z.looseObject({ role: z.enum(['user', 'assistant', 'system']), content: z.union([z.string(), z.array(anything)]) }))
    .min(1)
    .max(100_000),
  system: z.union([z.string(), z.array(anything)]).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  top_p: z.number().min(0).max(1).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  metadata: anything,
  service_tier: z.enum(['auto', 'standard_only']).optional(),
  cache_control: anything,
  container: anything,
  inference_geo: z.string().nullish(),
  output_config: anything,
  thinking: anything,
  tool_choice: anything,
  tools: anything,
  user_profile_id: z.string().optional(),
});
export type MessageCreateBody = z.infer<typeof messageCreateBody>;

/**
 * Models released after Claude Opus 4.6 (the ids above it in the SDK's `Model` list, newest first):
 * the SDK says they reject any `temperature` but 1.0, any `top_k`, and a `top_p` below 0.99.
 */
const FIXED_SAMPLING = new Set([
  'claude-opus-4-7',
  'claude-opus-4-8',
  'claude-mythos-preview',
  'claude-opus-5',
  'claude-mythos-5',
  'claude-fable-5',
  'claude-sonnet-5',
]);

/** The first problem the API would report, in its words (`path: message`, pydantic style), or undefined. */
export function messageRefusal(body: unknown): string | undefined {
  const parsed = messageCreateBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join('.');
    if (issue.code === 'unrecognized_keys') return `${[...issue.path, issue.keys[0]].join('.')}: Extra inputs are not permitted`;
    if (issue.code === 'invalid_type' && issue.input === undefined) return `${path}: Field required`;
    return `${path}: ${issue.message}`;
  }
  const { model, temperature, top_k: topK, top_p: topP } = parsed.data;
  if (!FIXED_SAMPLING.has(model)) return undefined;
  if (temperature !== undefined && temperature !== 1) return `temperature: ${model} only accepts the default temperature (1.0)`;
  if (topK !== undefined) return `top_k: not supported by ${model}`;
  if (topP !== undefined && topP < 0.99) return `top_p: ${model} only accepts top_p >= 0.99`;
  return undefined;
}
