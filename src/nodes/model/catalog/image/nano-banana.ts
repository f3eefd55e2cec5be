import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { aspectRatio, choice, credits, falSafetyTolerance, numImages, outputFormat, seed, PRICES_CHECKED } from '../fields.js';
import { falEndpoint, falPrice, imageEdit, imageListBody, promptBody, textToImage } from './shape.js';

/** Google's Gemini image models on fal: Nano Banana (2.5 Flash Image), Nano Banana Pro (3 Pro Image) and Nano Banana 2 (3.1 Flash Image). */

const RATIOS = ['21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'] as const;
const WITH_AUTO = ['auto', ...RATIOS] as const;
const NANO_BANANA_2_RATIOS = [...WITH_AUTO, '4:1', '1:4', '8:1', '1:8'] as const;

const shared = {
  num_images: numImages(4),
  output_format: outputFormat(['jpeg', 'png', 'webp'], 'png'),
  safety_tolerance: falSafetyTolerance(6, '4'),
  seed,
};
const limitGenerations = (fallback: boolean) =>
  z.boolean().default(fallback).describe('Return one image per round of prompting, ignoring prompt text that asks for more (experimental).');

/** Nano Banana Pro and 2 add these. */
const gemini3 = {
  enable_web_search: z.boolean().default(false).describe('Let the model look up current information on the web; costs $0.015 more.'),
  system_prompt: z.string().max(50_000).default('').describe('A system instruction that steers persona and style across the request; empty for none.'),
};

const nanoBanana = <const T extends readonly [string, ...string[]]>(ratios: T, fallback: T[number]) =>
  z.strictObject({ ...shared, aspect_ratio: aspectRatio(ratios, fallback), limit_generations: limitGenerations(false) });

const nanoBananaPro = (aspect: '1:1' | 'auto') =>
  z.strictObject({
    ...shared,
    ...gemini3,
    aspect_ratio: aspectRatio(WITH_AUTO, aspect),
    resolution: choice(['1K', '2K', '4K'], '1K', 'Output resolution (4K costs double)'),
    limit_generations: limitGenerations(false),
  });

const nanoBanana2 = z.strictObject({
  ...shared,
  ...gemini3,
  aspect_ratio: aspectRatio(NANO_BANANA_2_RATIOS, 'auto'),
  resolution: choice(['0.5K', '1K', '2K', '4K'], '1K', 'Output resolution (0.5K ×0.75, 2K ×1.5, 4K ×2 the price)'),
  thinking_level: z.enum(['minimal', 'high']).optional().describe('Let the model think first: minimal or high ($0.002 more); unset for no thinking.'),
  limit_generations: limitGenerations(true),
});

type NanoBananaPro = z.infer<ReturnType<typeof nanoBananaPro>>;
type NanoBanana2 = z.infer<typeof nanoBanana2>;

// Nano Banana: $0.039 per image, fal's list price; fal's page was not in the searchable copy on the day checked.
const nanoBananaCost = (p: { num_images: number }) => credits(0.039 * p.num_images);
// Nano Banana Pro: $0.15 per image, 4K twice that, web search $0.015 more; read from a reseller's listing of fal's price.
const nanoBananaProCost = (p: NanoBananaPro) => credits(0.15 * (p.resolution === '4K' ? 2 : 1) * p.num_images + (p.enable_web_search ? 0.015 : 0));
const NANO_BANANA_2_SCALE: Readonly<Record<NanoBanana2['resolution'], number>> = { '0.5K': 0.75, '1K': 1, '2K': 1.5, '4K': 2 };
// Nano Banana 2: $0.08 per image at 1K, scaled by resolution; web search $0.015 and high thinking $0.002 more.
const nanoBanana2Cost = (p: NanoBanana2) =>
  credits(0.08 * NANO_BANANA_2_SCALE[p.resolution] * p.num_images + (p.enable_web_search ? 0.015 : 0) + (p.thinking_level === 'high' ? 0.002 : 0));
const nanoBananaProPrice = { source: 'https://www.eachlabs.ai/google/nano-banana/nano-banana-pro/llms.txt', checked: PRICES_CHECKED };

export const nanoBananaModels: readonly ModelEntry[] = [
  defineModel({
    ...textToImage,
    nodeType: 'generate:nano_banana',
    aliases: ['generate:nano-banana', 'generate:nanobanana', 'generate:gemini-2.5-flash-image'],
    label: 'Nano Banana',
    description: 'Google Nano Banana (Gemini 2.5 Flash Image): fast, prompt-faithful images with consistent characters; pairs with its edit model.',
    ...falEndpoint('fal-ai/nano-banana'),
    params: nanoBanana(RATIOS, '1:1'),
    cost: nanoBananaCost,
    price: falPrice('fal-ai/nano-banana'),
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:nano_banana_edit',
    aliases: ['generate:nano-banana-edit', 'generate:nano-banana/edit'],
    label: 'Nano Banana Edit',
    description: 'Edit an image by describing the change: swap backgrounds, restyle, keep a product or character consistent across variations.',
    ...falEndpoint('fal-ai/nano-banana/edit'),
    params: nanoBanana(WITH_AUTO, 'auto'),
    cost: nanoBananaCost,
    price: falPrice('fal-ai/nano-banana/edit'),
    toInput: imageListBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:nano_banana_pro',
    label: 'Nano Banana Pro',
    description: 'Google Nano Banana Pro (Gemini 3 Pro Image): reasoning-driven layouts, legible text and infographics, up to 4K; optional web grounding.',
    ...falEndpoint('fal-ai/nano-banana-pro'),
    params: nanoBananaPro('1:1'),
    cost: nanoBananaProCost,
    price: nanoBananaProPrice,
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:nano_banana_pro_edit',
    label: 'Nano Banana Pro Edit',
    description: 'Nano Banana Pro editing: precise multi-step changes, text edits and relighting that keep identity and layout, up to 4K.',
    ...falEndpoint('fal-ai/nano-banana-pro/edit'),
    params: nanoBananaPro('auto'),
    cost: nanoBananaProCost,
    price: nanoBananaProPrice,
    toInput: imageListBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:nano_banana_2',
    label: 'Nano Banana 2',
    description: 'Google Nano Banana 2 (Gemini 3.1 Flash Image): Pro-like quality and text rendering at Flash speed and price; 0.5K–4K, extreme ratios.',
    ...falEndpoint('fal-ai/nano-banana-2'),
    params: nanoBanana2,
    cost: nanoBanana2Cost,
    // Priced as on the edit endpoint's page (the same model); the generate endpoint's page was not in the searchable copy.
    price: falPrice('fal-ai/nano-banana-2', 'https://fal.ai/models/fal-ai/nano-banana-2/edit/llms.txt'),
    toInput: promptBody,
    documented: true,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:nano_banana_2_edit',
    label: 'Nano Banana 2 Edit',
    description: 'Nano Banana 2 editing: fast, consistent edits and compositions from a prompt, with optional thinking and web grounding.',
    ...falEndpoint('fal-ai/nano-banana-2/edit'),
    params: nanoBanana2,
    cost: nanoBanana2Cost,
    price: falPrice('fal-ai/nano-banana-2/edit'),
    toInput: imageListBody,
    documented: true,
  }),
];
