import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { outputFormat, PRICES_CHECKED } from './fields.js';
import { falImage } from './outputs.js';
import { imageIn, imageOut } from './ports.js';

const cutout = { ...imageOut, description: 'The subject on a transparent background, as one URL.' };
const common = { kind: 'background-removal', inputs: [imageIn], outputs: [cutout], timeoutMs: 120_000 } as const;

export const backgroundRemovalModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:birefnet',
    aliases: ['generate:birefnet-v2', 'generate:remove-background', 'generate:remove_background'],
    label: 'BiRefNet background removal',
    description: 'Cuts the subject out of a photo with clean, high-resolution edges (hair, product outlines); portrait and matting variants.',
    provider: 'fal',
    endpoint: 'fal-ai/birefnet/v2',
    params: z.strictObject({
      model: z
        .enum(['General Use (Light)', 'General Use (Light 2K)', 'General Use (Heavy)', 'Matting', 'Portrait', 'General Use (Dynamic)'])
        .default('General Use (Light)')
        .describe('Which BiRefNet weights: Light suits most images, Heavy is slower and more accurate, Portrait and Matting are specialised.'),
      operating_resolution: z.enum(['1024x1024', '2048x2048']).default('1024x1024').describe('Working resolution; 2048 is sharper on large inputs.'),
      refine_foreground: z.boolean().default(true).describe('Refine the cut-out edges using the estimated mask.'),
      output_format: outputFormat(['webp', 'png', 'gif'], 'png'),
    }),
    // fal's page lists "$0 per compute seconds"; a run is charged the 1-credit floor, 2 at the heavier 2048 resolution.
    cost: (p) => (p.operating_resolution === '2048x2048' ? 2 : 1),
    price: { source: 'https://fal.ai/models/fal-ai/birefnet/v2/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    fromOutput: falImage,
    source: 'https://fal.ai/models/fal-ai/birefnet/v2/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:bria_background_remove',
    aliases: ['generate:bria-rmbg', 'generate:bria-background-remove'],
    label: 'Bria RMBG 2.0',
    description: 'Bria background removal, trained on licensed data only: a safe choice for commercial product photos.',
    provider: 'fal',
    endpoint: 'fal-ai/bria/background/remove',
    params: z.strictObject({}),
    // $0.018 per image.
    cost: () => 2,
    price: { source: 'https://fal.ai/models/fal-ai/bria/background/remove/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs) => ({ image_url: inputs.image }),
    fromOutput: falImage,
    source: 'https://fal.ai/models/fal-ai/bria/background/remove/llms.txt',
    documented: true,
  }),
];
