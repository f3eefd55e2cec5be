import { z } from 'zod';

/**
 * fal endpoints the stand-in knows, with the inputs fal validates: field names, types and enums
 * from fal's JavaScript client (fal-ai/fal-js, libs/client/src/types/endpoints.ts), ranges from
 * the JSON Schemas of its pull request #212 (libs/schemas). fal (pydantic) ignores unknown keys,
 * so these objects are loose; the fake records unknown keys for tests to look at instead.
 */
const imageSizePreset = z.enum(['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9']);
const imageSize = z.union([imageSizePreset, z.strictObject({ width: z.number().int().min(1).max(14_142), height: z.number().int().min(1).max(14_142) })]);
const seed = z.number().int().nullish();

export interface FalEndpoint {
  input: z.ZodObject;
  /** The result payload for a valid input, its files served at `fileUrl(i)`. */
  output(input: Record<string, unknown>, fileUrl: (index: number) => string): unknown;
}

/** `{images, timings, seed, has_nsfw_concepts, prompt}`, one image per `num_images`. */
function fluxImages(input: Record<string, unknown>, fileUrl: (index: number) => string): unknown {
  const count = typeof input.num_images === 'number' ? input.num_images : 1;
  const images = Array.from({ length: count }, (_, index) => ({ url: fileUrl(index), width: 64, height: 48, content_type: 'image/png' }));
  return { images, timings: { inference: 0.1 }, seed: 42, has_nsfw_concepts: images.map(() => false), prompt: input.prompt };
}

const fluxCommon = {
  prompt: z.string(),
  num_images: z.number().int().min(1).max(4).optional(),
  image_size: imageSize.optional(),
  seed,
  enable_safety_checker: z.boolean().optional(),
  sync_mode: z.boolean().optional(),
};

export const FAL_ENDPOINTS: Readonly<Record<string, FalEndpoint>> = {
  'fal-ai/flux-2': {
    input: z.looseObject({
      ...fluxCommon,
      num_inference_steps: z.number().int().min(4).max(50).optional(),
      guidance_scale: z.number().min(0).max(20).optional(),
      acceleration: z.enum(['none', 'regular', 'high']).optional(),
      output_format: z.enum(['jpeg', 'png', 'webp']).optional(),
      enable_prompt_expansion: z.boolean().optional(),
    }),
    output: fluxImages,
  },
  'fal-ai/flux/dev': {
    input: z.looseObject({
      ...fluxCommon,
      num_inference_steps: z.number().int().min(1).max(50).optional(),
      guidance_scale: z.number().min(1).max(20).optional(),
      acceleration: z.enum(['none', 'regular', 'high']).optional(),
      output_format: z.enum(['jpeg', 'png']).optional(),
    }),
    output: fluxImages,
  },
};

/** fal's 422: pydantic's `{detail: [{loc, msg, type}]}`, one entry per problem. */
export function falValidationDetail(error: z.ZodError): { loc: (string | number)[]; msg: string; type: string }[] {
  return error.issues.map((issue) => ({
    loc: ['body', ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))],
    msg: issue.message,
    type: issue.code === 'invalid_type' && issue.input === undefined ? 'missing' : issue.code,
  }));
}
