import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, seconds, seed, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, imageToVideo, negativePrompt, promptBody, promptExpansion, safetyChecker, textToVideo } from './video-fields.js';

/**
 * Alibaba Wan 2.5 on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js
 * pull request #212, libs/schemas/src/video/schemas.gen.ts). The optional background-music input
 * (`audio_url`) is left out: it would need an audio port of its own.
 */

const wan25 = {
  duration: choice(['5', '10'], '5', 'Length in seconds'),
  resolution: choice(['480p', '720p', '1080p'], '1080p', 'Output resolution'),
  negative_prompt: negativePrompt(undefined, 500),
  enable_prompt_expansion: promptExpansion,
  enable_safety_checker: safetyChecker,
  seed,
};
/** $0.05 a second at 480p, $0.10 at 720p, $0.15 at 1080p. */
const PER_SECOND: Readonly<Record<string, number>> = { '480p': 0.05, '720p': 0.1, '1080p': 0.15 };
const wan25Pricing = {
  cost: (p: { resolution: string; duration: string }) => credits((PER_SECOND[p.resolution] ?? 0.15) * seconds(p.duration)),
  price: { source: 'https://fal.ai/models/fal-ai/wan-25-preview/image-to-video/llms.txt', checked: PRICES_CHECKED },
};

export const wanModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    ...wan25Pricing,
    nodeType: 'generate:wan_2_5',
    label: 'Wan 2.5 (text to video)',
    description: 'Alibaba Wan 2.5 from a prompt: stable motion and good visual quality at up to 1080p for a modest price, 5 or 10 s.',
    endpoint: 'fal-ai/wan-25-preview/text-to-video',
    params: z.strictObject({ ...wan25, aspect_ratio: aspectRatio(['16:9', '9:16', '1:1'], '16:9') }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/wan-25-preview/text-to-video/api',
    // The price is that of the image-to-video page; the text-to-video page's own price was not found.
    documented: false,
  }),
  defineModel({
    ...imageToVideo,
    ...wan25Pricing,
    nodeType: 'generate:wan_2_5_i2v',
    label: 'Wan 2.5 (image to video)',
    description: 'Alibaba Wan 2.5 animates a still at up to 1080p: an economical image-to-video model, 5 or 10 s.',
    endpoint: 'fal-ai/wan-25-preview/image-to-video',
    params: z.strictObject(wan25),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/wan-25-preview/image-to-video/llms.txt',
    documented: true,
  }),
];
