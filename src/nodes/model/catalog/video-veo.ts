import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { seconds, seed, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, generateAudio, imageToVideo, negativePrompt, promptBody, textToVideo } from './video-fields.js';

/**
 * Google Veo 3.1 on fal. Parameter names, enums and defaults from fal's JSON Schemas (fal-ai/fal-js
 * pull request #212, libs/schemas/src/video/schemas.gen.ts). fal's client no longer lists Veo 3
 * (`fal-ai/veo3`, `/fast`), so the names graphs used for it run Veo 3.1 instead.
 */

const veoSettings = <const R extends readonly ['720p', ...string[]]>(resolutions: R, autoFix: boolean) => ({
  duration: choice(['4s', '6s', '8s'], '8s', 'Length'),
  resolution: choice(resolutions, '720p', 'Output resolution'),
  generate_audio: generateAudio(true, 'off costs less'),
  auto_fix: z.boolean().default(autoFix).describe('Rewrite a prompt that fails content checks instead of failing.'),
  safety_tolerance: z.enum(['1', '2', '3', '4', '5', '6']).default('4').describe('Content moderation, from "1" (strictest) to "6" (most permissive).'),
  negative_prompt: negativePrompt(),
  seed,
});
const textShapes = { aspect_ratio: choice(['16:9', '9:16'], '16:9', 'Shape of the output') };
const frameShapes = { aspect_ratio: choice(['auto', '16:9', '9:16'], 'auto', 'Shape of the output (auto follows the first frame)') };
const full = veoSettings(['720p', '1080p', '4k'], true);
const fullFromFrame = veoSettings(['720p', '1080p', '4k'], false);
const lite = veoSettings(['720p', '1080p'], true);

/** Dollars a second: [silent, with audio] per resolution. */
type Rates = Readonly<Record<string, readonly [number, number]>>;
const veoCost = (rates: Rates) => (p: { duration: string; resolution: string; generate_audio: boolean }) =>
  credits((rates[p.resolution] ?? rates['4k']!)[p.generate_audio ? 1 : 0] * seconds(p.duration));
const standard = {
  // $0.20 a second silent, $0.40 with audio at 720p or 1080p; $0.40 and $0.60 at 4k.
  cost: veoCost({ '720p': [0.2, 0.4], '1080p': [0.2, 0.4], '4k': [0.4, 0.6] }),
  price: { source: 'https://fal.ai/models/fal-ai/veo3.1/llms.txt', checked: PRICES_CHECKED },
};
const fast = {
  // $0.10 a second silent, $0.15 with audio at 720p or 1080p; $0.30 and $0.35 at 4k (the Fast tier's price on every Veo 3.1 Fast endpoint).
  cost: veoCost({ '720p': [0.1, 0.15], '1080p': [0.1, 0.15], '4k': [0.3, 0.35] }),
  price: { source: 'https://fal.ai/models/fal-ai/veo3.1/fast/first-last-frame-to-video/llms.txt', checked: PRICES_CHECKED },
};

const retired = (old: string) =>
  `${old} is no longer listed by fal's client; this name now runs its successor. Settings carry over except aspect_ratio 1:1 and enhance_prompt, which Veo 3.1 does not take; 4k is a new resolution.`;
const veo3Note = retired('Veo 3 (fal-ai/veo3)');
const veo3FastNote = retired('Veo 3 Fast (fal-ai/veo3/fast)');

export const veoModels: readonly ModelEntry[] = [
  defineModel({
    ...textToVideo,
    ...standard,
    nodeType: 'generate:veo_3_1',
    aliases: ['generate:veo_3', 'generate:veo3', 'generate:veo-3'],
    aliasNotes: { 'generate:veo_3': veo3Note, 'generate:veo3': veo3Note, 'generate:veo-3': veo3Note },
    label: 'Veo 3.1',
    description: 'Google Veo 3.1: realistic video with native sound (dialogue with lip-sync, ambience) from one prompt, up to 4K; the pick for talking scenes.',
    endpoint: 'fal-ai/veo3.1',
    params: z.strictObject({ ...textShapes, ...full }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/veo3.1/llms.txt',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...fast,
    nodeType: 'generate:veo_3_1_fast',
    aliases: ['generate:veo_3_fast', 'generate:veo3-fast', 'generate:veo-3-fast'],
    aliasNotes: { 'generate:veo_3_fast': veo3FastNote, 'generate:veo3-fast': veo3FastNote, 'generate:veo-3-fast': veo3FastNote },
    label: 'Veo 3.1 Fast',
    description: 'Veo 3.1 Fast: the same sound-and-picture model, quicker and about a third of the price, for drafts and social clips.',
    endpoint: 'fal-ai/veo3.1/fast',
    params: z.strictObject({ ...textShapes, ...full }),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/veo3.1-fast.md',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    nodeType: 'generate:veo_3_1_lite',
    label: 'Veo 3.1 Lite',
    description: 'Veo 3.1 Lite: the budget Veo with native audio at 720p or 1080p; draft a prompt here, then switch to Veo 3.1.',
    endpoint: 'fal-ai/veo3.1/lite',
    params: z.strictObject({ ...textShapes, ...lite }),
    // fal's own price was not found; this is Google's rate for Veo 3.1 Lite as a third-party listing gives it:
    // $0.03 a second silent and $0.05 with audio at 720p, $0.05 and $0.08 at 1080p.
    cost: veoCost({ '720p': [0.03, 0.05], '1080p': [0.05, 0.08] }),
    price: { source: 'https://lumenfall.ai/models/google/veo-3.1-lite', checked: PRICES_CHECKED },
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/veo3.1-lite',
    documented: false,
  }),
  defineModel({
    ...imageToVideo,
    ...standard,
    nodeType: 'generate:veo_3_1_i2v',
    label: 'Veo 3.1 (image to video)',
    description: 'Veo 3.1 animates a still (720p or larger, 16:9 or 9:16 works best) with native sound, up to 4K.',
    endpoint: 'fal-ai/veo3.1/image-to-video',
    params: z.strictObject({ ...frameShapes, ...fullFromFrame }),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/veo3.1/image-to-video/api',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...fast,
    nodeType: 'generate:veo_3_1_fast_i2v',
    label: 'Veo 3.1 Fast (image to video)',
    description: 'Veo 3.1 Fast animates a still with native sound: quicker and cheaper than Veo 3.1 for iterating on a shot.',
    endpoint: 'fal-ai/veo3.1/fast/image-to-video',
    params: z.strictObject({ ...frameShapes, ...fullFromFrame }),
    toInput: frameBody('image_url'),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/veo3.1/fast/image-to-video/api',
    documented: true,
  }),
];
