import { z } from 'zod';

/** Parameter fields many providers share, each with the description a user sees in the catalog. */

export const seed = z
  .number()
  .int()
  .min(0)
  .max(2_147_483_647)
  .optional()
  .describe('Fix it to get the same result for the same prompt and settings; leave unset for a random one.');

export const numImages = (max: number, description = 'How many images to generate in one call.') =>
  z.number().int().min(1).max(max).default(1).describe(description);

export const enableSafetyChecker = z.boolean().default(true).describe("Keep the provider's safety checker on.");

export const guidanceScale = (fallback: number, min = 0) => z.number().min(min).max(20).default(fallback).describe('How closely to follow the prompt.');

/** FLUX.2 [dev]'s denoising steps, the same for generation and editing. */
export const fluxDevSteps = z.number().int().min(4).max(50).default(28).describe('Denoising steps: more is slower and finer.');

export const expandPrompt = z.boolean().default(true).describe('Let the model expand the prompt.');

/** fal's named sizes, or explicit pixels (https://fal.ai/models/fal-ai/flux-2/api, `image_size`). */
export const FAL_IMAGE_SIZES = ['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'] as const;

export const falImageSize = (fallback: (typeof FAL_IMAGE_SIZES)[number], edge = { min: 64, max: 14_142 }) =>
  z
    .union([
      z.enum(FAL_IMAGE_SIZES),
      z.strictObject({
        width: z.number().int().min(edge.min).max(edge.max).describe('Width in pixels.'),
        height: z.number().int().min(edge.min).max(edge.max).describe('Height in pixels.'),
      }),
    ])
    .default(fallback)
    .describe(`A named size (${FAL_IMAGE_SIZES.join(', ')}) or {width, height} in pixels.`);

export const aspectRatio = <const T extends readonly [string, ...string[]]>(ratios: T, fallback: T[number]) =>
  z
    .enum(ratios)
    .default(fallback)
    .describe(`Shape of the output: ${ratios.join(', ')}.`);

export const outputFormat = <const T extends readonly [string, ...string[]]>(formats: T, fallback: T[number]) =>
  z
    .enum(formats)
    .default(fallback)
    .describe(`File format of the output: ${formats.join(', ')}.`);

/** fal's video durations are strings of seconds ("5"); cost reads them as numbers. */
export const seconds = (value: string | number): number => Number.parseFloat(String(value));

/** Pixels of fal's named sizes (https://fal.ai/models/fal-ai/flux-2/api). */
const NAMED_PIXELS: Readonly<Record<(typeof FAL_IMAGE_SIZES)[number], number>> = {
  square_hd: 1024 * 1024,
  square: 512 * 512,
  portrait_4_3: 768 * 1024,
  portrait_16_9: 576 * 1024,
  landscape_4_3: 1024 * 768,
  landscape_16_9: 1024 * 576,
};

/** Megapixels billed for one image: fal counts 1024×1024 as one and rounds up (https://fal.ai/models/fal-ai/flux-2-flex/llms.txt). */
export function megapixels(size: unknown): number {
  const pixels = typeof size === 'string' ? (NAMED_PIXELS[size as keyof typeof NAMED_PIXELS] ?? 1_048_576) : pixelsOf(size);
  return Math.max(1, Math.ceil(pixels / 1_048_576));
}

function pixelsOf(size: unknown): number {
  const { width, height } = size as { width: number; height: number };
  return width * height;
}
