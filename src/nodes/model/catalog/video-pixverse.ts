import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, seed, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, imageToVideo, promptBody, textToVideo } from './video-fields.js';

/**
 * PixVerse v5.6 on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js
 * pull request #212, libs/schemas/src/video/schemas.gen.ts).
 */

const pixverse = {
  resolution: choice(['360p', '540p', '720p', '1080p'], '720p', 'Output resolution'),
  duration: choice(['5', '8', '10'], '5', 'Length in seconds (1080p: 5 or 8)'),
  negative_prompt: z.string().default('').describe('What to keep out of the video.'),
  style: z
    .enum(['anime', '3d_animation', 'clay', 'comic', 'cyberpunk'])
    .optional()
    .describe('A look to render in: anime, 3d_animation, clay, comic or cyberpunk.'),
  thinking_type: z.enum(['enabled', 'disabled', 'auto']).optional().describe('Prompt optimisation: enabled, disabled, or auto (the model decides).'),
  generate_audio_switch: z.boolean().default(false).describe('Add background music, effects and dialogue; costs more.'),
  seed,
};
/** fal's schema says 1080p clips are limited to 5 or 8 s; refuse the pair here rather than at fal. */
const notTenAt1080p = (p: { resolution: string; duration: string }) => !(p.resolution === '1080p' && p.duration === '10');
const tenAt1080p = { message: '1080p clips are 5 or 8 s long', path: ['duration'] };

/**
 * A 5 s clip costs $0.35 at 360p/540p, $0.45 at 720p, $0.75 at 1080p; audio adds $0.45 ($0.75 at
 * 1080p); 8 s costs 2× and 10 s 2.2× the 5 s price.
 */
const BASE: Readonly<Record<string, number>> = { '360p': 0.35, '540p': 0.35, '720p': 0.45, '1080p': 0.75 };
const LENGTH: Readonly<Record<string, number>> = { '5': 1, '8': 2, '10': 2.2 };
const pixverseCost = (p: { resolution: string; duration: string; generate_audio_switch: boolean }) => {
  const hd = p.resolution === '1080p';
  const fiveSeconds = (BASE[p.resolution] ?? 0.75) + (p.generate_audio_switch ? (hd ? 0.75 : 0.45) : 0);
  return credits(fiveSeconds * (LENGTH[p.duration] ?? 2.2));
};
const price = { source: 'https://fal.ai/models/fal-ai/pixverse/v5.6/transition/llms.txt', checked: PRICES_CHECKED };

export const pixverseModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    nodeType: 'generate:pixverse_v5_6',
    label: 'PixVerse v5.6 (text to video)',
    description: 'PixVerse v5.6 from a prompt: punchy, stylised social clips (anime, clay, comic looks), optional sound, 5 to 10 s.',
    endpoint: 'fal-ai/pixverse/v5.6/text-to-video',
    params: z.strictObject({ ...pixverse, aspect_ratio: aspectRatio(['16:9', '4:3', '1:1', '3:4', '9:16'], '16:9') }).refine(notTenAt1080p, tenAt1080p),
    cost: pixverseCost,
    price,
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/pixverse/v5.6/text-to-video/api',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:pixverse_v5_6_i2v',
    label: 'PixVerse v5.6 (image to video)',
    description: 'PixVerse v5.6 animates a still: fast, stylised motion for social formats, optional sound, 5 to 10 s.',
    endpoint: 'fal-ai/pixverse/v5.6/image-to-video',
    params: z.strictObject(pixverse).refine(notTenAt1080p, tenAt1080p),
    cost: pixverseCost,
    price,
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/pixverse/v5.6/image-to-video/api',
    documented: true,
  }),
];
