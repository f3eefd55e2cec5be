import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, seconds, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, generateAudio, imageToVideo, negativePrompt, promptBody, textToVideo } from './video-fields.js';

/**
 * Kling on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js pull
 * request #212, libs/schemas/src/video/schemas.gen.ts); prices from each model's page on fal.
 */

const cfgScale = z.number().min(0).max(1).default(0.5).describe('How closely to follow the prompt, 0–1.');
const klingNegative = negativePrompt('blur, distort, and low quality');

const kling25 = { duration: choice(['5', '10'], '5', 'Length in seconds'), negative_prompt: klingNegative, cfg_scale: cfgScale };
const kling25Pro = {
  // $0.35 for 5 s and $0.07 for every further second: $0.07 a second throughout.
  cost: (p: { duration: string }) => credits(0.07 * seconds(p.duration)),
  price: { source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt', checked: PRICES_CHECKED },
};

const KLING_3_SECONDS = ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15'] as const;
const kling3 = {
  duration: choice(KLING_3_SECONDS, '5', 'Length in seconds'),
  negative_prompt: klingNegative,
  cfg_scale: cfgScale,
  generate_audio: generateAudio(true, 'costs half as much again'),
};
/** Kling 3.0 bills each second, more with its native audio (voice control, which we do not send, costs more still). */
const kling3Cost = (perSecond: { silent: number; audio: number }) => (p: { duration: string; generate_audio: boolean }) =>
  credits((p.generate_audio ? perSecond.audio : perSecond.silent) * seconds(p.duration));
const kling3Pro = {
  cost: kling3Cost({ silent: 0.112, audio: 0.168 }),
  price: { source: 'https://fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video/playground', checked: PRICES_CHECKED },
};
const kling3Standard = {
  cost: kling3Cost({ silent: 0.084, audio: 0.126 }),
  price: { source: 'https://fal.ai/models/fal-ai/kling-video/v3/standard/text-to-video/llms.txt', checked: PRICES_CHECKED },
};
const startFrame = frameBody('start_image_url');
const threeAspects = aspectRatio(['16:9', '9:16', '1:1'], '16:9');

export const klingModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    ...kling25Pro,
    nodeType: 'generate:kling_video_2_5',
    aliases: ['generate:kling-video-2.5', 'generate:kling_2_5', 'generate:kling-2.5', 'generate:kling-video-v2.5-turbo'],
    label: 'Kling Video 2.5 Turbo Pro (text to video)',
    description: 'Kling 2.5 Turbo Pro from a prompt: fluid, cinematic motion and precise prompt following, 5 or 10 s.',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
    params: z.strictObject({ ...kling25, aspect_ratio: threeAspects }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-v2.5-turbo-pro.md',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...kling25Pro,
    nodeType: 'generate:kling_video_2_5_i2v',
    aliases: ['generate:kling-video-2.5-i2v', 'generate:kling-video-2.5-image-to-video'],
    label: 'Kling Video 2.5 Turbo Pro (image to video)',
    description: 'Animates a still with Kling 2.5 Turbo Pro: smooth, reliable motion for product and character shots.',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    params: z.strictObject(kling25),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:kling_video_2_5_standard_i2v',
    aliases: ['generate:kling-video-2.5-standard'],
    label: 'Kling Video 2.5 Turbo Standard (image to video)',
    description: 'Kling 2.5 Turbo at the standard tier: the same motion model for 40% less, at lower resolution.',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/standard/image-to-video',
    params: z.strictObject(kling25),
    // $0.21 for 5 s and $0.042 for every further second: $0.042 a second throughout.
    cost: (p) => credits(0.042 * seconds(p.duration)),
    price: { source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/llms.txt', checked: PRICES_CHECKED },
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:kling_video_2_6_pro_i2v',
    label: 'Kling Video 2.6 Pro (image to video)',
    description: 'Kling 2.6 Pro animates a still with native sound: speech in English or Chinese, effects and ambience, 5 or 10 s.',
    endpoint: 'fal-ai/kling-video/v2.6/pro/image-to-video',
    params: z.strictObject({
      duration: kling25.duration,
      negative_prompt: klingNegative,
      generate_audio: generateAudio(true, 'doubles the price'),
    }),
    // $0.07 a second silent, $0.14 with audio.
    cost: (p) => credits((p.generate_audio ? 0.14 : 0.07) * seconds(p.duration)),
    price: { source: 'https://fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/llms.txt', checked: PRICES_CHECKED },
    toInput: startFrame,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v2.6/pro/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...kling3Pro,
    nodeType: 'generate:kling_video_3_pro',
    label: 'Kling Video 3.0 Pro (text to video)',
    description: 'Kling 3.0 Pro from a prompt: top-tier cinematic motion with native audio, any length from 3 to 15 s.',
    endpoint: 'fal-ai/kling-video/v3/pro/text-to-video',
    params: z.strictObject({ ...kling3, aspect_ratio: threeAspects }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-v3-pro',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...kling3Pro,
    nodeType: 'generate:kling_video_3_pro_i2v',
    label: 'Kling Video 3.0 Pro (image to video)',
    description: 'Kling 3.0 Pro animates a still (its shape sets the frame) with native audio, 3 to 15 s.',
    endpoint: 'fal-ai/kling-video/v3/pro/image-to-video',
    params: z.strictObject(kling3),
    toInput: startFrame,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v3/pro/image-to-video/playground',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...kling3Standard,
    nodeType: 'generate:kling_video_3_standard',
    label: 'Kling Video 3.0 Standard (text to video)',
    description: 'Kling 3.0 at the standard tier: the same motion and audio as Pro for a quarter less, 3 to 15 s.',
    endpoint: 'fal-ai/kling-video/v3/standard/text-to-video',
    params: z.strictObject({ ...kling3, aspect_ratio: threeAspects }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v3/standard/text-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...kling3Standard,
    nodeType: 'generate:kling_video_3_standard_i2v',
    label: 'Kling Video 3.0 Standard (image to video)',
    description: 'Kling 3.0 Standard animates a still with native audio: the cheaper way to Kling 3.0 motion, 3 to 15 s.',
    endpoint: 'fal-ai/kling-video/v3/standard/image-to-video',
    params: z.strictObject(kling3),
    toInput: startFrame,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v3/standard/image-to-video/api',
    documented: true,
  }),
];
