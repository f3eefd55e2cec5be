import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { seed, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, generateAudio, imageToVideo, promptBody, safetyChecker, textToVideo } from './video-fields.js';

/**
 * ByteDance Seedance on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js
 * pull request #212, libs/schemas/src/video/schemas.gen.ts). fal bills Seedance by video tokens:
 * height × width × 24 fps × seconds / 1024 (the price pages below).
 */

/** Frame pixels per resolution tier at 16:9; the other shapes of a tier have about as many. */
const PIXELS: Readonly<Record<string, number>> = { '480p': 864 * 480, '720p': 1280 * 720, '1080p': 1920 * 1080 };
const videoTokens = (resolution: string, seconds: number) => ((PIXELS[resolution] ?? PIXELS['1080p']!) * 24 * seconds) / 1024;

const SHAPES = ['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'] as const;
const resolution = choice(['480p', '720p', '1080p'], '720p', 'Output resolution');

const seedance15 = {
  resolution,
  duration: choice(['4', '5', '6', '7', '8', '9', '10', '11', '12'], '5', 'Length in seconds'),
  camera_fixed: z.boolean().default(false).describe('Keep the camera still.'),
  generate_audio: generateAudio(true, 'doubles the price'),
  enable_safety_checker: safetyChecker,
  seed,
};
const seedance15Pricing = {
  // With audio $2.40 per million video tokens (a 5 s 720p clip is about $0.26), without $1.20.
  cost: (p: { resolution: string; duration: string; generate_audio: boolean }) =>
    credits((videoTokens(p.resolution, Number(p.duration)) * (p.generate_audio ? 2.4 : 1.2)) / 1_000_000),
  price: { source: 'https://fal.ai/models/fal-ai/bytedance/seedance/v1.5/pro/text-to-video/llms.txt', checked: PRICES_CHECKED },
};

const seedance2 = {
  resolution,
  duration: choice(
    ['auto', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'],
    'auto',
    'Length in seconds, or auto to let the model pick 4–15 from the prompt',
  ),
  aspect_ratio: choice(['auto', ...SHAPES], 'auto', 'Shape of the output (auto follows the prompt or the first frame)'),
  generate_audio: generateAudio(true, 'the price is the same either way'),
  seed,
};
const seedance2Pricing = {
  // $0.014 per 1,000 video tokens, audio included: $0.3024 a second at 1280×720 by the page's token formula. The same
  // page also says "$0.3034/second", which the formula does not give; cost follows the formula. auto is priced as 15 s.
  cost: (p: { resolution: string; duration: string }) => credits((videoTokens(p.resolution, p.duration === 'auto' ? 15 : Number(p.duration)) * 0.014) / 1000),
  price: { source: 'https://fal.ai/models/fal-ai/seedance-2/text-to-video/playground', checked: PRICES_CHECKED },
};

export const seedanceModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    ...seedance15Pricing,
    nodeType: 'generate:seedance_1_5_pro',
    label: 'Seedance 1.5 Pro (text to video)',
    description: 'ByteDance Seedance 1.5 Pro from a prompt: video and synced audio (dialogue, foley) in one pass, 4 to 12 s.',
    endpoint: 'fal-ai/bytedance/seedance/v1.5/pro/text-to-video',
    params: z.strictObject({ ...seedance15, aspect_ratio: choice([...SHAPES, 'auto'], '16:9', 'Shape of the output') }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/bytedance/seedance/v1.5/pro/text-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...seedance15Pricing,
    nodeType: 'generate:seedance_1_5_pro_i2v',
    label: 'Seedance 1.5 Pro (image to video)',
    description: 'Seedance 1.5 Pro animates a still with synced sound; good lip-sync when the prompt quotes a line.',
    endpoint: 'fal-ai/bytedance/seedance/v1.5/pro/image-to-video',
    params: z.strictObject({ ...seedance15, aspect_ratio: choice([...SHAPES, 'auto'], '16:9', 'Shape of the output') }),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/bytedance/seedance/v1.5/pro/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...seedance2Pricing,
    nodeType: 'generate:seedance_2',
    label: 'Seedance 2.0 (text to video)',
    description: 'ByteDance Seedance 2.0: multi-shot cinematic clips with native audio, real-world physics and director-style camera moves, up to 15 s.',
    endpoint: 'bytedance/seedance-2.0/text-to-video',
    params: z.strictObject(seedance2),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/bytedance/seedance-2.0/text-to-video/api',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...seedance2Pricing,
    nodeType: 'generate:seedance_2_i2v',
    label: 'Seedance 2.0 (image to video)',
    description: 'Seedance 2.0 animates a still into a cinematic clip with native audio, up to 15 s.',
    endpoint: 'bytedance/seedance-2.0/image-to-video',
    params: z.strictObject(seedance2),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/bytedance/seedance-2.0/image-to-video/api',
    documented: true,
  }),
];
