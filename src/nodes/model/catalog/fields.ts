import { z } from 'zod';

/** Parameter fields many providers share, each with the description a user sees in the catalog. */

/** The day the catalog's price pages (each entry's `price.source`) were read. */
export const PRICES_CHECKED = '2026-12-03';

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

export const guidanceScale = (fallback: number, min = 0, max = 20) =>
  z.number().min(min).max(max).default(fallback).describe('How closely to follow the prompt.');

export const expandPrompt = z.boolean().default(true).describe('Let the model expand the prompt.');

/** A setting with a fixed set of values, its description listing them. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number], what: string) =>
  z
    .enum(values)
    .default(fallback)
    .describe(`${what}: ${values.join(', ')}.`);

/** fal's `acceleration` for the models that offer it (FLUX, Qwen-Image); the default differs by model. */
export const falAcceleration = (fallback: 'none' | 'regular') => choice(['none', 'regular', 'high'], fallback, 'Speed-up level');

/** fal's moderation levels as strings, "1" strictest; FLUX.2 takes 1–5, Gemini and Kontext 1–6. */
export const falSafetyTolerance = (levels: 5 | 6, fallback: string) =>
  z
    .enum(['1', '2', '3', '4', '5', '6'].slice(0, levels) as [string, ...string[]])
    .default(fallback)
    .describe(`Moderation: "1" is strictest, "${levels}" most permissive.`);

/** An {r, g, b} colour, as fal's Recraft and Ideogram models take it. */
export const rgbColor = z.strictObject({
  r: z.number().int().min(0).max(255).describe('Red, 0–255.'),
  g: z.number().int().min(0).max(255).describe('Green, 0–255.'),
  b: z.number().int().min(0).max(255).describe('Blue, 0–255.'),
});

/** fal's named sizes, or explicit pixels (https://fal.ai/models/fal-ai/flux-2/api, `image_size`). */
export const FAL_IMAGE_SIZES = ['square_hd', 'square', 'portrait_4_3', 'portrait_16_9', 'landscape_4_3', 'landscape_16_9'] as const;

type PixelSize = { width: number; height: number };
type SizeOptions = { edge?: { min: number; max: number }; extra?: readonly string[] };

/**
 * fal's `image_size`: a named size, a model's own extra names (`auto`, `auto_2K`, …) or {width, height}.
 * fal's schema allows up to 14142 pixels an edge; models that document a narrower range pass `edge`.
 */
function falSize({ edge = { min: 64, max: 14_142 }, extra = [] }: SizeOptions) {
  const names = [...FAL_IMAGE_SIZES, ...extra] as [string, ...string[]];
  const schema = z.union([
    z.enum(names),
    z.strictObject({
      width: z.number().int().min(edge.min).max(edge.max).describe('Width in pixels.'),
      height: z.number().int().min(edge.min).max(edge.max).describe('Height in pixels.'),
    }),
  ]);
  return { schema, description: `A named size (${names.join(', ')}) or {width, height} in pixels, ${edge.min}–${edge.max} each.` };
}

export function falImageSize(fallback: string | PixelSize, options: SizeOptions = {}) {
  const { schema, description } = falSize(options);
  return schema.default(fallback).describe(description);
}

/** For edit models whose output size follows the input image unless one is set. */
export function falImageSizeOptional(options: SizeOptions = {}) {
  const { schema, description } = falSize(options);
  return schema.optional().describe(`${description} Unset: the input image's size.`);
}

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

/** Credits for a dollar amount: 1 credit = $0.01 of list price, rounded up, without float noise (0.035 × 3 is 11, not 12). */
export function credits(usd: number): number {
  return Math.ceil(Math.round(usd * 100 * 1e6) / 1e6);
}

/** Pixels of fal's named sizes (https://fal.ai/models/fal-ai/flux-2/api). */
const NAMED_PIXELS: Readonly<Record<(typeof FAL_IMAGE_SIZES)[number], number>> = {
  square_hd: 1024 * 1024,
  square: 512 * 512,
  portrait_4_3: 768 * 1024,
  portrait_16_9: 576 * 1024,
  landscape_4_3: 1024 * 768,
  landscape_16_9: 1024 * 576,
};

/**
 * Megapixels billed for one image: fal counts 1024×1024 as one and rounds up
 * (https://fal.ai/models/fal-ai/flux-2-flex/llms.txt). A size the model picks (`auto`, unset)
 * is counted as one: it follows the input image, whose size is not known before the run.
 */
export function megapixels(size: unknown): number {
  const pixels = typeof size === 'string' ? (NAMED_PIXELS[size as keyof typeof NAMED_PIXELS] ?? 1_048_576) : pixelsOf(size);
  return Math.max(1, Math.ceil(pixels / 1_048_576));
}

function pixelsOf(size: unknown): number {
  if (typeof size !== 'object' || size === null) return 1_048_576;
  const { width, height } = size as PixelSize;
  return width * height;
}
