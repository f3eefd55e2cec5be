import { z } from 'zod';
import { defineModel, type ModelEntry } from '../entry.js';
import {
  enableSafetyChecker,
  falAcceleration,
  falImageSize,
  falImageSizeOptional,
  guidanceScale,
  numImages,
  outputFormat,
  seed,
  PRICES_CHECKED,
} from '../fields.js';
import { falEndpoint, falPrice, imageEdit, imageUrlBody, perMegapixel, promptBody, textToImage } from './shape.js';

/** Alibaba's Qwen-Image (open weights) on fal, billed per output megapixel. */

const shared = {
  num_images: numImages(4),
  acceleration: falAcceleration('none'),
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
    ...falEndpoint('fal-ai/qwen-image'),
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
    cost: perMegapixel(0.02),
    price: { source: 'https://lumenfall.ai/models/alibaba/qwen-image/api', checked: PRICES_CHECKED },
    toInput: promptBody,
    documented: false,
  }),
  defineModel({
    ...imageEdit,
    nodeType: 'generate:qwen_image_edit',
    label: 'Qwen-Image Edit',
    description: 'Qwen-Image Edit: semantic and appearance edits from an instruction, and the best at changing text inside an image.',
    ...falEndpoint('fal-ai/qwen-image-edit'),
    params: z.strictObject({
      ...shared,
      acceleration: falAcceleration('regular'),
      image_size: falImageSizeOptional(),
      num_inference_steps: steps(50),
      guidance_scale: guidanceScale(4),
    }),
    // $0.03 per output megapixel, rounded up.
    cost: perMegapixel(0.03),
    price: falPrice('fal-ai/qwen-image-edit'),
    toInput: imageUrlBody,
    documented: true,
  }),
];
