import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import {
  choice,
  credits,
  enableSafetyChecker,
  falImageSize,
  falImageSizeOptional,
  guidanceScale,
  megapixels,
  numImages,
  outputFormat,
  seed,
} from '../fields.js';
import { falImages } from '../outputs.js';
import { falApi, falPrice, imageEdit, imageUrlBody, PRICES_CHECKED, promptBody, textToImage } from './shape.js';

/** Alibaba's Qwen-Image (open weights) on fal, billed per output megapixel. */

const shared = {
  num_images: numImages(4),
  acceleration: choice(['none', 'regular', 'high'], 'none', 'Speed-up level'),
  // fal's default negative prompt for both models is a single space.
  negative_prompt: z.string().default(' ').describe('What to keep out of the image.'),
  enable_safety_checker: enableSafetyChecker,
  output_format: outputFormat(['jpeg', 'png'], 'png'),
  seed,
};

const steps = (max: number) => z.number().int().min(2).max(max).default(30).describe('Denoising steps: more is slower and finer.');

export const qwenImageModels: readonly ModelEntry[] = [
  defineModel({
    ...textToImage,
    nodeType: 'generate:qwen_image',
    label: 'Qwen-Image',
    description: 'Alibaba Qwen-Image: open-weights generator with excellent Chinese and English text rendering; takes up to three LoRAs.',
    provider: 'fal',
    endpoint: 'fal-ai/qwen-image',
    params: z.strictObject({
      ...shared,
      image_size: falImageSize('landscape_4_3'),
      num_inference_steps: steps(250),
      guidance_scale: guidanceScale(2.5),
      use_turbo: z.boolean().default(false).describe('Turbo mode: faster, with fixed settings (10 steps, guidance 1.2).'),
      loras: z
        .array(
          z.strictObject({
            path: z.string().min(1).describe('URL or path of the LoRA weights.'),
            scale: z.number().min(0).max(4).default(1).describe('How strongly to apply it, 0–4.'),
          }),
        )
        .max(3)
        .default([])
        .describe('Up to three LoRAs, each {path, scale}, merged into the model.'),
    }),
    // $0.02 per megapixel, as a listing of fal's price shows; fal's own page was not in the searchable copy.
    cost: (p) => credits(0.02 * megapixels(p.image_size) * p.num_images),
    price: { source: 'https://lumenfall.ai/models/alibaba/qwen-image/api', checked: PRICES_CHECKED },
    toInput: promptBody,
    fromOutput: falImages,
    source: falApi('fal-ai/qwen-image'),
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:qwen_image_edit',
    label: 'Qwen-Image Edit',
    description: 'Qwen-Image Edit: semantic and appearance edits from an instruction, and the best at changing text inside an image.',
    provider: 'fal',
    endpoint: 'fal-ai/qwen-image-edit',
    params: z.strictObject({
      ...shared,
      acceleration: choice(['none', 'regular', 'high'], 'regular', 'Speed-up level'),
      image_size: falImageSizeOptional(),
      num_inference_steps: steps(50),
      guidance_scale: guidanceScale(4),
    }),
    // $0.03 per output megapixel, rounded up.
    cost: (p) => credits(0.03 * megapixels(p.image_size) * p.num_images),
    price: falPrice('fal-ai/qwen-image-edit'),
    toInput: imageUrlBody,
    fromOutput: falImages,
    source: falApi('fal-ai/qwen-image-edit'),
    documented: true,
  }),
];
