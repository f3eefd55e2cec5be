import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, seconds, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, imageToVideo, promptBody, textToVideo } from './video-fields.js';

/**
 * Luma Ray 2 on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js pull
 * request #212, libs/schemas/src/video/schemas.gen.ts). The optional last frame (`end_image_url`)
 * is left out.
 */

const ray2 = z.strictObject({
  aspect_ratio: aspectRatio(['16:9', '9:16', '4:3', '3:4', '21:9', '9:21'], '16:9'),
  resolution: choice(['540p', '720p', '1080p'], '540p', 'Output resolution (720p costs 2×, 1080p 4×)'),
  duration: choice(['5s', '9s'], '5s', 'Length (9s costs 2×)'),
  loop: z.boolean().default(false).describe('Blend the end into the beginning so the clip loops.'),
});
const RESOLUTION_FACTOR: Readonly<Record<string, number>> = { '540p': 1, '720p': 2, '1080p': 4 };
/** Ray 2 bills a 5 s clip at 540p; 720p costs twice, 1080p four times, and 9 s twice. */
const ray2Cost = (per5sAt540p: number) => (p: { resolution: string; duration: string }) =>
  credits(per5sAt540p * (RESOLUTION_FACTOR[p.resolution] ?? 4) * (seconds(p.duration) > 5 ? 2 : 1));

const flash = {
  params: ray2,
  // $0.20 per 5 s at 540p.
  cost: ray2Cost(0.2),
  fromOutput: falVideo,
  documented: true,
};

export const lumaModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    ...flash,
    nodeType: 'generate:luma_ray_2_flash',
    label: 'Luma Ray 2 Flash (text to video)',
    description: 'Luma Ray 2 Flash from a prompt: fast, cheap, realistic motion; set loop for seamless background clips.',
    endpoint: 'fal-ai/luma-dream-machine/ray-2-flash',
    price: { source: 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2-flash/llms.txt', checked: PRICES_CHECKED },
    toInput: promptBody,
    source: 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2-flash/llms.txt',
  }),
  defineModel({
    ...imageToVideo,
    ...flash,
    nodeType: 'generate:luma_ray_2_flash_i2v',
    label: 'Luma Ray 2 Flash (image to video)',
    description: 'Luma Ray 2 Flash animates a still: quick, inexpensive drafts of a shot, 5 or 9 s.',
    endpoint: 'fal-ai/luma-dream-machine/ray-2-flash/image-to-video',
    price: { source: 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2-flash/image-to-video/llms.txt', checked: PRICES_CHECKED },
    toInput: frameBody('image_url'),
    source: 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2-flash/image-to-video/llms.txt',
  }),
  defineModel({
    ...textToVideo,
    nodeType: 'generate:luma_ray_2',
    label: 'Luma Ray 2 (text to video)',
    description: 'Luma Ray 2 from a prompt: large-scale model for realistic visuals and coherent, natural motion.',
    endpoint: 'fal-ai/luma-dream-machine/ray-2',
    params: ray2,
    // $0.50 per 5 s at 540p: fal's own page for Ray 2 was not found; a third-party note lists this
    // figure for fal's Ray 2 (its image-to-video endpoint).
    cost: ray2Cost(0.5),
    price: {
      source: 'https://keigit.com/keisei/KeiSeiKit-1.0/raw/commit/596e0b20a157648349d5522cff59229e8d71da71/_blocks/api-fal-ai.md',
      checked: PRICES_CHECKED,
    },
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2/api',
    documented: false,
  }),
];
