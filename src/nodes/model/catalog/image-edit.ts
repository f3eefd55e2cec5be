import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, falImageSize, fluxDevSteps, guidanceScale, megapixels, numImages, outputFormat, seed } from './fields.js';
import { falImages } from './outputs.js';
import { imageIn, imageOutputs, promptIn } from './ports.js';

const editPrompt = { ...promptIn, description: 'The change to make, in words ("put it on a marble table").' };
const common = { kind: 'image-edit', inputs: [imageIn, editPrompt], outputs: imageOutputs, timeoutMs: 180_000 } as const;
/** Models that take a list of reference images get the one wired image as a one-item list. */
const withImageList = (inputs: Readonly<Record<string, unknown>>) => ({ prompt: inputs.prompt, image_urls: [inputs.image] });

export const imageEditModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:nano_banana_edit',
    aliases: ['generate:nano-banana-edit', 'generate:nano-banana/edit'],
    label: 'Nano Banana Edit',
    description: 'Edit an image by describing the change: swap backgrounds, restyle, keep a product or character consistent across variations.',
    provider: 'fal',
    endpoint: 'fal-ai/nano-banana/edit',
    params: z.strictObject({
      num_images: numImages(4, 'How many variations to make in one call.'),
      aspect_ratio: aspectRatio(['auto', '21:9', '16:9', '3:2', '4:3', '5:4', '1:1', '4:5', '3:4', '2:3', '9:16'], 'auto'),
      output_format: outputFormat(['jpeg', 'png', 'webp'], 'png'),
      seed,
    }),
    cost: (p) => 4 * p.num_images,
    toInput: (inputs, p) => ({ ...withImageList(inputs), ...p }),
    fromOutput: falImages,
    source: 'https://fal.ai/models/fal-ai/nano-banana/edit/api',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:flux_2_edit',
    aliases: ['generate:flux-2-edit', 'generate:flux2-edit'],
    label: 'FLUX.2 [dev] Edit',
    description: 'FLUX.2 [dev] editing: precise, prompt-driven changes to an image with FLUX.2 realism.',
    provider: 'fal',
    endpoint: 'fal-ai/flux-2/edit',
    params: z.strictObject({
      image_size: falImageSize('landscape_4_3', { min: 512, max: 2048 }),
      num_images: numImages(4),
      guidance_scale: guidanceScale(2.5),
      num_inference_steps: fluxDevSteps,
      seed,
    }),
    cost: (p) => 2 * megapixels(p.image_size) * p.num_images,
    toInput: (inputs, p) => ({ ...withImageList(inputs), ...p }),
    fromOutput: falImages,
    source: 'https://fal.ai/models/fal-ai/flux-2/edit/api',
    documented: false,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:flux_kontext',
    aliases: ['generate:flux-kontext', 'generate:flux-kontext-pro'],
    label: 'FLUX.1 Kontext [pro]',
    description: 'FLUX.1 Kontext [pro]: targeted local edits and style changes from a reference image while keeping the rest intact.',
    provider: 'fal',
    endpoint: 'fal-ai/flux-pro/kontext',
    params: z.strictObject({
      guidance_scale: guidanceScale(3.5, 1),
      num_images: numImages(4),
      output_format: outputFormat(['jpeg', 'png'], 'jpeg'),
      aspect_ratio: aspectRatio(['21:9', '16:9', '4:3', '3:2', '1:1', '2:3', '3:4', '9:16', '9:21'], '1:1').optional(),
      seed,
    }),
    cost: (p) => 4 * p.num_images,
    toInput: (inputs, p) => ({ prompt: inputs.prompt, image_url: inputs.image, ...p }),
    fromOutput: falImages,
    source: 'https://fal.ai/models/fal-ai/flux-pro/kontext/api',
    documented: false,
  }),
];
