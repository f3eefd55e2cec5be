import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import { credits, falImageSize, falImageSizeOptional, falSafetyTolerance, guidanceScale, megapixels, numImages, seed, PRICES_CHECKED } from '../fields.js';
import { fluxDevSettings, fluxFlexSettings, fluxFormat, fluxZeroConfig } from './flux-settings.js';
import { falEndpoint, falPrice, imageEdit, imageListBody, imageUrlBody } from './shape.js';

/**
 * FLUX image editing. The FLUX.2 edit endpoints bill the input image's megapixels as well as the
 * output's; the input's size is unknown before the run, so it is counted as one megapixel, as is
 * an `auto` output size (which follows the input).
 */
const INPUT_MEGAPIXELS = 1;

/** FLUX.2 [pro] and [max] editing: the output size `auto` by default. */
const zeroConfig = fluxZeroConfig({ imageSize: falImageSize('auto', { extra: ['auto'] }), inputMegapixels: INPUT_MEGAPIXELS });

export const fluxEditModels: readonly ModelEntry[] = [
  defineModel({
    ...imageEdit,
    nodeType: 'generate:flux_2_edit',
    aliases: ['generate:flux-2-edit', 'generate:flux2-edit'],
    label: 'FLUX.2 [dev] Edit',
    description: 'FLUX.2 [dev] editing: precise, prompt-driven changes to an image with FLUX.2 realism.',
    ...falEndpoint('fal-ai/flux-2/edit'),
    params: z.strictObject({ image_size: falImageSizeOptional({ edge: { min: 512, max: 2048 } }), ...fluxDevSettings }),
    // $0.012 per megapixel in and out, rounded up; read from a listing of fal's price, not fal's own page.
    cost: (p) => credits(0.012 * (INPUT_MEGAPIXELS + megapixels(p.image_size) * p.num_images)),
    price: { source: 'https://lumenfall.ai/models/black-forest-labs/flux.2-dev', checked: PRICES_CHECKED },
    toInput: imageListBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:flux_2_pro_edit',
    label: 'FLUX.2 [pro] Edit',
    description: 'FLUX.2 [pro] editing: production-quality changes from a prompt, keeping faces, products and logos intact.',
    ...falEndpoint('fal-ai/flux-2-pro/edit'),
    // $0.03 for the first processed megapixel, $0.015 for each further one, input included; read from a listing of fal's price.
    ...zeroConfig({ first: 0.03, further: 0.015 }),
    price: { source: 'https://lumenfall.ai/models/black-forest-labs/flux.2-pro?mode=image-edit', checked: PRICES_CHECKED },
    toInput: imageListBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:flux_2_flex_edit',
    label: 'FLUX.2 [flex] Edit',
    description: 'FLUX.2 [flex] editing: tunable steps and guidance, strongest at changing or adding text in an image.',
    ...falEndpoint('fal-ai/flux-2-flex/edit'),
    params: z.strictObject({ image_size: falImageSize('auto', { extra: ['auto'] }), ...fluxFlexSettings }),
    // $0.05 per megapixel on both the input and the output side, rounded up.
    cost: (p) => credits(0.05 * (INPUT_MEGAPIXELS + megapixels(p.image_size))),
    price: falPrice('fal-ai/flux-2-flex/edit'),
    toInput: imageListBody,
    documented: true,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:flux_2_max_edit',
    label: 'FLUX.2 [max] Edit',
    description: 'FLUX.2 [max] editing: the most faithful FLUX.2 edits, with the best consistency of faces and products across references.',
    ...falEndpoint('fal-ai/flux-2-max/edit'),
    // $0.07 for the first processed megapixel, $0.03 for each further one; input images count as processed.
    ...zeroConfig({ first: 0.07, further: 0.03 }),
    price: falPrice('fal-ai/flux-2-max/edit'),
    toInput: imageListBody,
    documented: true,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:flux_kontext',
    aliases: ['generate:flux-kontext', 'generate:flux-kontext-pro'],
    label: 'FLUX.1 Kontext [pro]',
    description: 'FLUX.1 Kontext [pro]: targeted local edits and style changes from a reference image while keeping the rest intact.',
    ...falEndpoint('fal-ai/flux-pro/kontext'),
    params: z.strictObject({
      guidance_scale: guidanceScale(3.5, 1),
      num_images: numImages(4),
      output_format: fluxFormat,
      aspect_ratio: z
        .enum(['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'])
        .optional()
        .describe("Shape of the output (21:9 … 9:21); unset keeps the input's."),
      safety_tolerance: falSafetyTolerance(6, '2'),
      enhance_prompt: z.boolean().default(false).describe('Let the model enhance the prompt.'),
      seed,
    }),
    // $0.04 per image; read from a listing of fal's prices, not fal's own page.
    cost: (p) => credits(0.04 * p.num_images),
    price: { source: 'https://skillspool.org/zh/skills/joernstoehler-dnd-claude-code-claude-skills-fal-flux-prompting-skill-md', checked: PRICES_CHECKED },
    toInput: imageUrlBody,
    documented: false,
  }),
];
