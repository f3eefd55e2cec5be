import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { outputFormat, PRICES_CHECKED } from './fields.js';
import { falImage } from './outputs.js';
import { imageIn, imageOut } from './ports.js';

/** Upscalers that enlarge without inventing detail: cheap and fast enough for every frame or asset. */
const common = {
  kind: 'upscale',
  outputs: [imageOut],
  inputs: [imageIn],
  timeoutMs: 300_000,
  provider: 'fal',
  fromOutput: falImage,
  documented: false,
} as const;

export const fastUpscalers: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:esrgan',
    aliases: ['generate:esrgan-upscale', 'generate:real-esrgan'],
    label: 'Real-ESRGAN Upscaler',
    description: 'Real-ESRGAN: fast, faithful upscaling (no invented detail) for photos, renders and anime; cheap enough for every frame.',
    endpoint: 'fal-ai/esrgan',
    params: z.strictObject({
      scale: z.number().min(1).max(8).default(2).describe('How many times larger, 1–8.'),
      model: z
        .enum(['RealESRGAN_x4plus', 'RealESRGAN_x2plus', 'RealESRGAN_x4plus_anime_6B', 'RealESRGAN_x4_v3', 'RealESRGAN_x4_wdn_v3', 'RealESRGAN_x4_anime_v3'])
        .default('RealESRGAN_x4plus')
        .describe('Which weights: x4plus for photos, the anime ones for drawings and anime, wdn to denoise.'),
      face: z.boolean().default(false).describe('Also restore faces.'),
      tile: z.number().int().min(0).max(2048).default(0).describe('Tile size in pixels for very large images (e.g. 400); 0 upscales in one piece.'),
      output_format: outputFormat(['png', 'jpeg'], 'png'),
    }),
    // fal's own price was not found. A third-party listing (lumenfall) puts Real-ESRGAN at 0.2¢ an image,
    // so the default 2× costs the 1-credit floor; larger scales are assumed to cost 1 credit per further 2×.
    cost: (p) => Math.max(1, Math.ceil(p.scale / 2)),
    price: { source: 'https://lumenfall.ai/models/tencent-arc-lab/real-esrgan/api', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    source: 'https://fal.ai/models/fal-ai/esrgan/api',
  }),
  defineModel({
    ...common,
    nodeType: 'generate:recraft_crisp_upscale',
    aliases: ['generate:recraft-crisp-upscale'],
    label: 'Recraft Crisp Upscale',
    description: 'Sharpens and enlarges PNG images for print or web, keeping them close to the original; no settings to tune.',
    endpoint: 'fal-ai/recraft/upscale/crisp',
    params: z.strictObject({
      enable_safety_checker: z.boolean().default(false).describe("Turn on fal's safety checker (off by default for this model)."),
    }),
    // fal's own page was not read: a third-party listing (lumenfall) gives fal's price as $0.004 an image.
    cost: () => 1,
    price: { source: 'https://lumenfall.ai/models/recraft/recraft-crisp-upscale/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    source: 'https://fal.ai/models/fal-ai/recraft/upscale/crisp/api',
  }),
];
