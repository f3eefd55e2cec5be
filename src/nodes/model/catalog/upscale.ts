import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { outputFormat, seed, PRICES_CHECKED } from './fields.js';
import { falImage } from './outputs.js';
import { imageIn, imageOut, optionalPromptIn } from './ports.js';
import { fastUpscalers } from './fast-upscalers.js';

const common = { kind: 'upscale', outputs: [imageOut], timeoutMs: 300_000, provider: 'fal', fromOutput: falImage } as const;
const unit = z.number().min(0).max(1);

/**
 * Upscalers are billed per output megapixel, which depends on the input image the cost cannot
 * see: the input is assumed to be about 1 megapixel (1024×1024), so a factor f makes f² megapixels.
 */
const outputMegapixels = (factor: number) => factor ** 2;

/** SeedVR2's targets as 16:9 frames, in megapixels. */
const TARGET_MEGAPIXELS: Readonly<Record<'720p' | '1080p' | '1440p' | '2160p', number>> = { '720p': 0.92, '1080p': 2.07, '1440p': 3.69, '2160p': 8.29 };

export const upscaleModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:clarity_upscaler',
    aliases: ['generate:clarity-upscaler', 'generate:upscale'],
    label: 'Clarity Upscaler',
    description: 'Upscales up to 4× and adds believable detail (creative upscaling); turn creativity down to stay faithful.',
    endpoint: 'fal-ai/clarity-upscaler',
    inputs: [imageIn, optionalPromptIn],
    params: z.strictObject({
      upscale_factor: z.number().min(1).max(4).default(2).describe('How many times larger, 1–4.'),
      negative_prompt: z.string().default('(worst quality, low quality, normal quality:2)').describe('What to keep out of the added detail.'),
      creativity: unit.default(0.35).describe('Denoise strength: higher invents more detail.'),
      resemblance: unit.default(0.6).describe('How strongly to keep the original structure.'),
      guidance_scale: z.number().min(0).max(20).default(4).describe('How closely the added detail follows the prompt, 0–20.'),
      num_inference_steps: z.number().int().min(4).max(50).default(18).describe('Denoising steps, 4–50: more is slower and finer.'),
      seed,
      enable_safety_checker: z.boolean().default(true).describe("Keep fal's safety checker on."),
    }),
    // $0.03 per output megapixel.
    cost: (p) => Math.ceil(3 * outputMegapixels(p.upscale_factor)),
    price: { source: 'https://fal.ai/models/fal-ai/clarity-upscaler/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, prompt: inputs.prompt ?? 'masterpiece, best quality, highres', ...p }),
    source: 'https://fal.ai/models/fal-ai/clarity-upscaler/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:topaz_upscale',
    aliases: ['generate:topaz-upscale', 'generate:topaz-image-upscale'],
    label: 'Topaz Image Upscale',
    description: "Topaz Labs' professional upscaler up to 4×: faithful models for photos, low-resolution sources, CGI and text, with face recovery.",
    endpoint: 'fal-ai/topaz/upscale/image',
    inputs: [imageIn],
    params: z.strictObject({
      model: z
        .enum(['Low Resolution V2', 'Standard V2', 'CGI', 'High Fidelity V2', 'Text Refine', 'Recovery', 'Redefine', 'Recovery V2', 'Standard MAX', 'Wonder'])
        .default('Standard V2')
        .describe('Which Topaz model: Standard V2 for most photos, Low Resolution V2 for tiny sources, CGI for renders, Text Refine for text.'),
      upscale_factor: z.number().min(1).max(4).default(2).describe('How many times larger, 1–4.'),
      face_enhancement: z.boolean().default(true).describe('Recover faces (standard and Recovery V2 models).'),
      face_enhancement_strength: unit.default(0.8).describe('How strongly to recover faces, 0–1.'),
      face_enhancement_creativity: unit.default(0).describe('How much face detail to invent, 0–1.'),
      subject_detection: z.enum(['All', 'Foreground', 'Background']).default('All').describe('Which part of the image to enhance.'),
      sharpen: unit.optional().describe('Sharpening, 0–1; unset lets the model decide.'),
      denoise: unit.optional().describe('Noise removal, 0–1; unset lets the model decide.'),
      fix_compression: unit.optional().describe('Compression artefact removal, 0–1; unset lets the model decide.'),
      crop_to_fill: z.boolean().default(false).describe('Crop to fill the output size instead of keeping the whole image.'),
      output_format: outputFormat(['jpeg', 'png'], 'jpeg'),
    }),
    // fal's own price was not found. A reseller of this endpoint (third-party page) lists $0.08 an image
    // up to 24 output megapixels; larger outputs are assumed to cost $0.08 per further started 24.
    cost: (p) => 8 * Math.ceil(outputMegapixels(p.upscale_factor) / 24),
    price: { source: 'https://docs.runflow.io/models/topaz/upscale/image.md', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    source: 'https://fal.ai/models/fal-ai/topaz/upscale/image/api',
    documented: false,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:seedvr2_upscale',
    aliases: ['generate:seedvr-upscale', 'generate:seedvr2-image-upscale'],
    label: 'SeedVR2 Image Upscale',
    description: "ByteDance's SeedVR2: restores and upscales photos up to 10× (or to 720p–2160p) in one diffusion step, faithful to the source.",
    endpoint: 'fal-ai/seedvr/upscale/image',
    inputs: [imageIn],
    params: z.strictObject({
      upscale_mode: z.enum(['factor', 'target']).default('factor').describe('Scale by upscale_factor, or to target_resolution.'),
      upscale_factor: z.number().min(1).max(10).default(2).describe('How many times larger, 1–10 (factor mode).'),
      target_resolution: z.enum(['720p', '1080p', '1440p', '2160p']).default('1080p').describe('Output height in target mode.'),
      noise_scale: unit.multipleOf(0.001).default(0.1).describe('Noise added before restoring, 0–1 in steps of 0.001.'),
      seed,
      output_format: outputFormat(['png', 'jpg', 'webp'], 'jpg'),
    }),
    // $0.001 per output megapixel (a target of 2160p is about 8.3 megapixels), so most runs cost the 1-credit floor.
    cost: (p) => Math.ceil(0.1 * (p.upscale_mode === 'target' ? TARGET_MEGAPIXELS[p.target_resolution] : outputMegapixels(p.upscale_factor))),
    price: { source: 'https://fal.ai/models/fal-ai/seedvr/upscale/image/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ image_url: inputs.image, ...p }),
    source: 'https://fal.ai/models/fal-ai/seedvr/upscale/image/llms.txt',
    documented: true,
  }),
  ...fastUpscalers,
];
