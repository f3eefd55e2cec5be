import { z } from 'zod';
import type { OpenAiRefusal } from './openai-rules.js';

/**
 * What OpenAI's image generation accepts, written from its SDK's request type (openai/openai-node
 * at 7b7d6ca, 2026-08-21: `ImageGenerateParamsBase` and `ImageModel` in src/resources/images.ts,
 * whose field comments state the per-model rules checked in `imageModelRefusal`).
 */
export const imageGenerationBody = z.strictObject({
  prompt: z.string().min(1).max(32_000),
  model: z.string().nullish(),
  n: z.number().int().min(1).max(10).nullish(),
  size: z.string().nullish(),
  quality: z.enum(['standard', 'hd', 'low', 'medium', 'high', 'auto']).nullish(),
  background: z.enum(['transparent', 'opaque', 'auto']).nullish(),
  output_format: z.enum(['png', 'jpeg', 'webp']).nullish(),
  output_compression: z.number().int().min(0).max(100).nullish(),
  moderation: z.enum(['low', 'auto']).nullish(),
  partial_images: z.number().int().min(0).max(3).nullish(),
  stream: z.boolean().nullish(),
  response_format: z.enum(['url', 'b64_json']).nullish(),
  style: z.enum(['vivid', 'natural']).nullish(),
  user: z.string().optional(),
});
export type ImageGenerationBody = z.infer<typeof imageGenerationBody>;

/** `gpt-image-1`, `gpt-image-1-mini`, `gpt-image-1.5`, `gpt-image-2` (and its snapshot), `chatgpt-image-latest`. */
export const isGptImageModel = (model: string): boolean => model.startsWith('gpt-image-') || model === 'chatgpt-image-latest';
const GPT_ONLY = ['background', 'moderation', 'output_format', 'output_compression', 'partial_images', 'stream'] as const;
const SIZES: Readonly<Record<string, readonly string[]>> = {
  'dall-e-2': ['256x256', '512x512', '1024x1024'],
  'dall-e-3': ['1024x1024', '1792x1024', '1024x1792'],
  gpt: ['auto', '1024x1024', '1536x1024', '1024x1536'],
};
const QUALITIES: Readonly<Record<string, readonly string[]>> = {
  'dall-e-2': ['standard', 'auto'],
  'dall-e-3': ['standard', 'hd', 'auto'],
  gpt: ['low', 'medium', 'high', 'auto'],
};

/** The rule a valid-looking body breaks for its model, in OpenAI's words, or undefined. The model defaults to `dall-e-2`. */
export function imageModelRefusal(body: ImageGenerationBody): OpenAiRefusal | undefined {
  const model = body.model ?? 'dall-e-2';
  const family = isGptImageModel(model) ? 'gpt' : model;
  const unsupported = (param: string): OpenAiRefusal => ({ message: `Unknown parameter: '${param}'.`, param, code: 'unknown_parameter' });
  const invalid = (param: string, value: unknown): OpenAiRefusal => ({
    message: `Invalid value: '${String(value)}'. Value for '${param}' is not supported with model '${model}'.`,
    param,
    code: 'invalid_value',
  });
  if (family === 'gpt' && body.response_format != null) return unsupported('response_format');
  if (family !== 'dall-e-3' && body.style != null) return unsupported('style');
  if (family !== 'gpt') for (const param of GPT_ONLY) if (body[param] != null) return unsupported(param);
  if (family === 'dall-e-3' && (body.n ?? 1) !== 1) return invalid('n', body.n);
  if (body.quality != null && QUALITIES[family] !== undefined && !QUALITIES[family].includes(body.quality)) return invalid('quality', body.quality);
  if (body.size != null && !sizeAllowed(model, family, body.size)) return invalid('size', body.size);
  if (body.background === 'transparent' && (body.output_format ?? 'png') === 'jpeg') {
    return { message: 'Transparent background requires output_format png or webp.', param: 'background', code: 'invalid_value' };
  }
  return undefined;
}

/** gpt-image-2 also takes any `WIDTHxHEIGHT`: both divisible by 16, aspect between 1:3 and 3:1, at most 3840×2160. */
function sizeAllowed(model: string, family: string, size: string): boolean {
  if (SIZES[family]?.includes(size)) return true;
  if (!model.startsWith('gpt-image-2')) return SIZES[family] === undefined;
  const match = /^(\d+)x(\d+)$/.exec(size);
  if (match === null) return false;
  const [width, height] = [Number(match[1]), Number(match[2])];
  const ratio = width / height;
  return width % 16 === 0 && height % 16 === 0 && ratio >= 1 / 3 && ratio <= 3 && width * height <= 3840 * 2160 && Math.max(width, height) <= 3840;
}
