import { z } from 'zod';
import {
  credits,
  enableSafetyChecker,
  falAcceleration,
  falImageSize,
  falSafetyTolerance,
  guidanceScale,
  megapixels,
  numImages,
  outputFormat,
  seed,
} from '../fields.js';

/**
 * What FLUX generation (flux.ts) and FLUX editing (flux-edit.ts) share. A FLUX.2 model's edit
 * endpoint takes the same settings as its text-to-image one, all but `image_size`, whose default
 * differs (an edit's follows the input image), so each group here leaves it to the entry.
 */

const fluxSafetyTolerance = falSafetyTolerance(5, '2');
export const fluxFormat = outputFormat(['jpeg', 'png'], 'jpeg');

/** FLUX.2 [dev]. */
export const fluxDevSettings = {
  num_images: numImages(4),
  num_inference_steps: z.number().int().min(4).max(50).default(28).describe('Denoising steps: more is slower and finer.'),
  guidance_scale: guidanceScale(2.5),
  acceleration: falAcceleration('regular'),
  enable_prompt_expansion: z.boolean().default(false).describe('Let the model expand the prompt.'),
  enable_safety_checker: enableSafetyChecker,
  output_format: outputFormat(['jpeg', 'png', 'webp'], 'png'),
  seed,
};

/** FLUX.2 [flex]: adjustable steps and guidance. */
export const fluxFlexSettings = {
  num_inference_steps: z.number().int().min(2).max(50).default(28).describe('Denoising steps: more is slower and finer.'),
  guidance_scale: guidanceScale(3.5, 1.5, 10),
  safety_tolerance: fluxSafetyTolerance,
  enable_safety_checker: enableSafetyChecker,
  output_format: fluxFormat,
  seed,
};

/**
 * FLUX.2 [pro] and [max], generating or editing: the same settings with no tuning knobs, and one
 * price for the first processed megapixel, another for each further one. `inputMegapixels` is what
 * an edit's input image adds to the processed megapixels (0 when generating).
 */
export function fluxZeroConfig({ imageSize, inputMegapixels }: { imageSize: ReturnType<typeof falImageSize>; inputMegapixels: number }) {
  const params = z.strictObject({
    image_size: imageSize,
    safety_tolerance: fluxSafetyTolerance,
    enable_safety_checker: enableSafetyChecker,
    output_format: fluxFormat,
    seed,
  });
  return (usd: { first: number; further: number }) => ({
    params,
    cost: (p: z.infer<typeof params>) => credits(usd.first + usd.further * (inputMegapixels + megapixels(p.image_size) - 1)),
  });
}
