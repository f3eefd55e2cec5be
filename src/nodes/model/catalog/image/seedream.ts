import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { choice, credits, enableSafetyChecker, falImageSize, numImages, seed, PRICES_CHECKED } from '../fields.js';
import { falEndpoint, falPrice, imageEdit, imageListBody, promptBody, textToImage } from './shape.js';

/**
 * ByteDance Seedream on fal. Each run makes `num_images` generations of up to `max_images` images
 * each, billed per image made, so cost counts the most it can make. Custom sizes are kept inside
 * the range each model documents, so a size we accept is one fal takes as is.
 */

const batch = {
  num_images: numImages(6, 'Separate generations to run.'),
  max_images: z
    .number()
    .int()
    .min(1)
    .max(6)
    .default(1)
    .describe('Above one, each generation may return up to this many related images (a set); each image is billed.'),
  enable_safety_checker: enableSafetyChecker,
};

const SEEDREAM_4_SIZE = { extra: ['auto', 'auto_2K', 'auto_4K'], edge: { min: 960, max: 4096 } };
const SEEDREAM_4_5_SIZE = { extra: ['auto_2K', 'auto_4K'], edge: { min: 1920, max: 4096 } };
const SEEDREAM_5_SIZE = { extra: ['auto_2K', 'auto_3K', 'auto_4K'], edge: { min: 1440, max: 4096 } };
const SQUARE_2K = { width: 2048, height: 2048 };

const seedream4 = z.strictObject({
  ...batch,
  image_size: falImageSize(SQUARE_2K, SEEDREAM_4_SIZE),
  enhance_prompt_mode: choice(['standard', 'fast'], 'standard', 'Prompt enhancement: standard is better, fast is quicker'),
  seed,
});
const seedream45 = z.strictObject({ ...batch, image_size: falImageSize(SQUARE_2K, SEEDREAM_4_5_SIZE), seed });
// Seedream 5.0 Lite takes no seed (fal-js libs/client/src/types/endpoints.ts, SeedDream50LiteT2IInput).
const seedream5Lite = z.strictObject({ ...batch, image_size: falImageSize('auto_2K', SEEDREAM_5_SIZE) });

const perImage = (usd: number) => (p: { num_images: number; max_images: number }) => credits(usd * p.num_images * p.max_images);
const SEEDREAM_4_5_PRICE = { source: 'https://fal.ai/models/fal-ai/bytedance/seedream/v4.5/text-to-image/playground', checked: PRICES_CHECKED };
const SEEDREAM_5_PRICE = { source: 'https://fal.ai/learn/tools/how-to-use-seedream-5-lite', checked: PRICES_CHECKED };

export const seedreamModels: readonly ModelEntry[] = [
  defineModel({
    ...textToImage,
    nodeType: 'generate:seedream_4',
    label: 'Seedream 4.0',
    description: 'ByteDance Seedream 4.0: sharp 2K–4K images with good text, and sets of related images from one prompt.',
    ...falEndpoint('fal-ai/bytedance/seedream/v4/text-to-image'),
    params: seedream4,
    // $0.03 per image, fal's list price; fal's page was not in the searchable copy on the day checked.
    cost: perImage(0.03),
    price: falPrice('fal-ai/bytedance/seedream/v4/text-to-image'),
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:seedream_4_edit',
    label: 'Seedream 4.0 Edit',
    description: 'Seedream 4.0 editing: change, restyle or recompose an image from a prompt, at up to 4K.',
    ...falEndpoint('fal-ai/bytedance/seedream/v4/edit'),
    params: seedream4,
    // $0.03 per image, fal's list price; fal's page was not in the searchable copy on the day checked.
    cost: perImage(0.03),
    price: falPrice('fal-ai/bytedance/seedream/v4/edit'),
    toInput: imageListBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:seedream_4_5',
    label: 'Seedream 4.5',
    description: 'ByteDance Seedream 4.5: up to 4-megapixel images with strong typography and layout; good for product and marketing visuals.',
    ...falEndpoint('fal-ai/bytedance/seedream/v4.5/text-to-image'),
    params: seedream45,
    // $0.04 per image.
    cost: perImage(0.04),
    price: SEEDREAM_4_5_PRICE,
    toInput: promptBody,
    documented: true,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:seedream_4_5_edit',
    label: 'Seedream 4.5 Edit',
    description: 'Seedream 4.5 editing: replace products, copy text between images and recompose from natural-language instructions.',
    ...falEndpoint('fal-ai/bytedance/seedream/v4.5/edit'),
    params: seedream45,
    // $0.04 per image: fal's page for the model prices generation and editing alike.
    cost: perImage(0.04),
    price: SEEDREAM_4_5_PRICE,
    toInput: imageListBody,
    documented: true,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:seedream_5_lite',
    label: 'Seedream 5.0 Lite',
    description: 'ByteDance Seedream 5.0 Lite: reasons about the scene before drawing, so multi-subject prompts land; 2K–4K, inexpensive.',
    ...falEndpoint('bytedance/seedream/v5/lite/text-to-image'),
    params: seedream5Lite,
    // $0.035 per image, generation and editing alike.
    cost: perImage(0.035),
    price: SEEDREAM_5_PRICE,
    toInput: promptBody,
    documented: true,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:seedream_5_lite_edit',
    label: 'Seedream 5.0 Lite Edit',
    description: 'Seedream 5.0 Lite editing: reasoning-first edits and compositions from up to ten references (one wired here).',
    ...falEndpoint('bytedance/seedream/v5/lite/edit'),
    params: seedream5Lite,
    // $0.035 per image, generation and editing alike.
    cost: perImage(0.035),
    price: SEEDREAM_5_PRICE,
    toInput: imageListBody,
    documented: true,
  }),
];
