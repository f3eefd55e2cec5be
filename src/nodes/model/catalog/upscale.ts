import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { outputFormat, seed } from './fields.js';
import { falImage } from './outputs.js';
import { imageIn, imageOut, optionalPromptIn } from './ports.js';

const common = { kind: 'upscale', outputs: [imageOut], timeoutMs: 300_000 } as const;

export const upscaleModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:clarity_upscaler',
    aliases: ['generate:clarity-upscaler', 'generate:upscale'],
    label: 'Clarity Upscaler',
    description: 'Upscales up to 4× and adds believable detail (creative upscaling); turn creativity down to stay faithful.',
    provider: 'fal',
    endpoint: 'fal-ai/clarity-upscaler',
    inputs: [imageIn, optionalPromptIn],
    params: z.strictObject({
      upscale_factor: z.number().min(1).max(4).default(2).describe('How many times larger, 1–4.'),
      negative_prompt: z.string().default('(worst quality, low quality, normal quality:2)').describe('What to keep out of the added detail.'),
      creativity: z.number().min(0).max(1).default(0.35).describe('Denoise strength: higher invents more detail.'),
      resemblance: z.number().min(0).max(1).default(0.6).describe('How strongly to keep the original structure.'),
      seed,
    }),
    // $0.03 per output megapixel; a 1 MP input at factor f comes out f² MP.
    cost: (p) => Math.ceil(3 * p.upscale_factor ** 2),
    toInput: (inputs, p) => ({ image_url: inputs.image, prompt: inputs.prompt ?? 'masterpiece, best quality, highres', ...p }),
    fromOutput: falImage,
    source: 'https://fal.ai/models/fal-ai/clarity-upscaler/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:esrgan',
    aliases: ['generate:esrgan-upscale', 'generate:real-esrgan'],
    label: 'ESRGAN Upscaler',
    description: 'Fast, faithful upscaling (no invented detail) for photos and renders; cheap enough for every frame.',
    provider: 'fal',
    endpoint: 'fal-ai/esrgan',
    inputs: [imageIn],
    params: z.strictObject({
      scale: z.number().min(1).max(8).default(2).describe('How many times larger, 1–8.'),
      face: z.boolean().default(false).describe('Also restore faces.'),
      output_format: outputFormat(['png', 'jpeg'], 'png'),
    }),
    cost: (p) => Math.max(1, Math.ceil(p.scale / 2)),
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    fromOutput: falImage,
    source: 'https://fal.ai/models/fal-ai/esrgan/api',
    documented: false,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:recraft_crisp_upscale',
    aliases: ['generate:recraft-crisp-upscale'],
    label: 'Recraft Crisp Upscale',
    description: 'Sharpens and enlarges images for print or web, keeping them close to the original; no settings to tune.',
    provider: 'fal',
    endpoint: 'fal-ai/recraft/upscale/crisp',
    inputs: [imageIn],
    params: z.strictObject({}),
    cost: () => 1,
    toInput: (inputs) => ({ image_url: inputs.image }),
    fromOutput: falImage,
    source: 'https://fal.ai/models/fal-ai/recraft/upscale/crisp/api',
    documented: false,
  }),
];
