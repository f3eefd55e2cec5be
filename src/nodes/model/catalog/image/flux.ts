import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { aspectRatio, enableSafetyChecker, falAcceleration, falImageSize, guidanceScale, numImages, outputFormat, seed, PRICES_CHECKED } from '../fields.js';
import { replicateImages } from '../outputs.js';
import { fluxDevSettings, fluxFlexSettings, fluxFormat, fluxZeroConfig } from './flux-settings.js';
import { falEndpoint, falPrice, perMegapixel, promptBody, textToImage } from './shape.js';

/** Black Forest Labs FLUX text-to-image models. */

/** FLUX.2 [pro] and [max]: landscape_4_3 by default. */
const zeroConfig = fluxZeroConfig({ imageSize: falImageSize('landscape_4_3'), inputMegapixels: 0 });

export const fluxModels: readonly ModelEntry[] = [
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_2',
    aliases: ['generate:flux-2', 'generate:flux2', 'generate:flux-2-dev'],
    label: 'FLUX.2 [dev]',
    description: 'Black Forest Labs FLUX.2 [dev]: photorealistic images with crisp in-image text; a strong, inexpensive default.',
    ...falEndpoint('fal-ai/flux-2'),
    params: z.strictObject({ image_size: falImageSize('landscape_4_3', { edge: { min: 512, max: 2048 } }), ...fluxDevSettings }),
    // $0.012 per output megapixel, rounded up per image; read from a listing of fal's price, not fal's own page.
    cost: perMegapixel(0.012),
    price: { source: 'https://lumenfall.ai/models/black-forest-labs/flux.2-dev', checked: PRICES_CHECKED },
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_2_pro',
    aliases: ['generate:flux-2-pro', 'generate:flux2pro'],
    label: 'FLUX.2 [pro]',
    description: 'FLUX.2 [pro]: the highest-quality FLUX.2 with no tuning knobs; best for final product and editorial shots.',
    ...falEndpoint('fal-ai/flux-2-pro'),
    // $0.03 for the first megapixel, $0.015 for each further one; read from a listing of fal's price, not fal's own page.
    ...zeroConfig({ first: 0.03, further: 0.015 }),
    price: { source: 'https://www.runflow.io/models/black-forest-labs/flux-2-pro', checked: PRICES_CHECKED },
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_2_flex',
    label: 'FLUX.2 [flex]',
    description: 'FLUX.2 [flex]: adjustable steps and guidance with the best FLUX.2 typography; for posters, packaging and text-heavy designs.',
    ...falEndpoint('fal-ai/flux-2-flex'),
    params: z.strictObject({ image_size: falImageSize('landscape_4_3'), ...fluxFlexSettings }),
    // $0.05 per megapixel, rounded up.
    cost: perMegapixel(0.05),
    price: falPrice('fal-ai/flux-2-flex'),
    toInput: promptBody,
    documented: true,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_2_max',
    label: 'FLUX.2 [max]',
    description: 'FLUX.2 [max]: the top FLUX.2 tier for realism, precision and consistency; for hero images where quality beats price.',
    ...falEndpoint('fal-ai/flux-2-max'),
    // $0.07 for the first megapixel, $0.03 for each further one, as fal prices FLUX.2 [max] on its edit endpoint's page.
    ...zeroConfig({ first: 0.07, further: 0.03 }),
    price: falPrice('fal-ai/flux-2-max', 'https://fal.ai/models/fal-ai/flux-2-max/edit/llms.txt'),
    toInput: promptBody,
    documented: true,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_schnell',
    aliases: ['generate:flux-schnell', 'generate:flux_1_schnell'],
    label: 'FLUX.1 [schnell]',
    description: 'FLUX.1 [schnell]: drafts in one to four steps for a fraction of a cent; use it to explore prompts before a better model.',
    ...falEndpoint('fal-ai/flux/schnell'),
    params: z.strictObject({
      image_size: falImageSize('landscape_4_3'),
      num_images: numImages(4),
      num_inference_steps: z.number().int().min(1).max(12).default(4).describe('Denoising steps; it is built for 1–4.'),
      guidance_scale: guidanceScale(3.5, 1),
      acceleration: falAcceleration('none'),
      enable_safety_checker: enableSafetyChecker,
      output_format: fluxFormat,
      seed,
    }),
    // $0.003 per megapixel, rounded up; read from a listing of fal's prices, not fal's own page.
    cost: perMegapixel(0.003),
    price: { source: 'https://skillspool.org/zh/skills/joernstoehler-dnd-claude-code-claude-skills-fal-flux-prompting-skill-md', checked: PRICES_CHECKED },
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...textToImage,
    nodeType: 'generate:flux_1_1_pro',
    aliases: ['generate:flux-1.1-pro', 'generate:flux-pro-1.1'],
    label: 'FLUX1.1 [pro] (Replicate)',
    description: 'FLUX1.1 [pro] on Replicate: fast, high-quality images with excellent prompt following, for Replicate accounts.',
    provider: 'replicate',
    endpoint: 'black-forest-labs/flux-1.1-pro',
    params: z.strictObject({
      aspect_ratio: aspectRatio(['custom', '1:1', '16:9', '3:2', '2:3', '4:5', '5:4', '9:16', '3:4', '4:3'], '1:1'),
      width: z.number().int().min(256).max(1440).optional().describe('Width in pixels (a multiple of 32); used only with aspect_ratio "custom".'),
      height: z.number().int().min(256).max(1440).optional().describe('Height in pixels (a multiple of 32); used only with aspect_ratio "custom".'),
      output_format: outputFormat(['webp', 'jpg', 'png'], 'webp'),
      output_quality: z.number().int().min(0).max(100).default(80).describe('Quality of lossy output, 0–100.'),
      safety_tolerance: z.number().int().min(1).max(6).default(2).describe('1 is strictest, 6 most permissive.'),
      prompt_upsampling: z.boolean().default(false).describe('Let the model expand the prompt for more varied results.'),
      seed,
    }),
    // $0.04 per image; Replicate's model page was not in the searchable copy on the day checked.
    cost: () => 4,
    price: { source: 'https://replicate.com/black-forest-labs/flux-1.1-pro', checked: PRICES_CHECKED },
    toInput: promptBody,
    fromOutput: replicateImages,
    source: 'https://replicate.com/black-forest-labs/flux-1.1-pro/versions/96ccd0e758a1796926584ded2246369cdf8eb3d7c34475cf9c442be5e097d926/api',
    documented: false,
  }),
];
