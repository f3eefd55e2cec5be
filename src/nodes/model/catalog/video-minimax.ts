import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { expandPrompt, seconds, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { frameBody, imageToVideo, promptBody, textToVideo } from './video-fields.js';

/**
 * MiniMax Hailuo on fal. Parameter names, enums and ranges from fal's JSON Schemas (fal-ai/fal-js
 * pull request #212, libs/schemas/src/video/schemas.gen.ts); prices from each model's page on fal.
 */

const sixOrTen = choice(['6', '10'], '6', 'Length in seconds');
const imageUrl = frameBody('image_url');
const price = (endpoint: string) => ({ source: `https://fal.ai/models/${endpoint}/llms.txt`, checked: PRICES_CHECKED });

/** Hailuo 2.3 Standard (768p) is priced per clip: $0.28 for 6 s, $0.56 for 10 s. */
const standard23 = {
  params: z.strictObject({ duration: sixOrTen, prompt_optimizer: expandPrompt }),
  cost: (p: { duration: string }) => (p.duration === '10' ? 56 : 28),
};
/** Hailuo 2.3 Pro (1080p) takes no length: $0.49 a clip. */
const pro23 = { params: z.strictObject({ prompt_optimizer: expandPrompt }), cost: () => 49 };

export const minimaxModels: readonly ModelEntry[] = [
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:hailuo_02_i2v',
    aliases: ['generate:minimax-hailuo-02', 'generate:hailuo-02'],
    label: 'MiniMax Hailuo 02 (image to video)',
    description: 'MiniMax Hailuo 02: strong physics and camera moves from a still, 6 or 10 s at 768p (or 512p for drafts).',
    endpoint: 'fal-ai/minimax/hailuo-02/standard/image-to-video',
    params: z.strictObject({
      duration: sixOrTen,
      resolution: choice(['512P', '768P'], '768P', 'Output resolution'),
      prompt_optimizer: expandPrompt,
    }),
    // $0.045 a second at 768P, about $0.017 at 512P.
    cost: (p) => credits((p.resolution === '512P' ? 0.017 : 0.045) * seconds(p.duration)),
    price: price('fal-ai/minimax/hailuo-02/standard/image-to-video'),
    toInput: imageUrl,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-02/standard/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...standard23,
    nodeType: 'generate:hailuo_2_3',
    label: 'MiniMax Hailuo 2.3 Standard (text to video)',
    description: 'MiniMax Hailuo 2.3 at 768p from a prompt: lifelike people and micro-expressions, believable physics, 6 or 10 s.',
    endpoint: 'fal-ai/minimax/hailuo-2.3/standard/text-to-video',
    price: price('fal-ai/minimax/hailuo-2.3/standard/text-to-video'),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3/standard/text-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...standard23,
    nodeType: 'generate:hailuo_2_3_i2v',
    label: 'MiniMax Hailuo 2.3 Standard (image to video)',
    description: 'MiniMax Hailuo 2.3 animates a still at 768p: expressive characters and natural motion, 6 or 10 s.',
    endpoint: 'fal-ai/minimax/hailuo-2.3/standard/image-to-video',
    price: price('fal-ai/minimax/hailuo-2.3/standard/image-to-video'),
    toInput: imageUrl,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3/standard/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:hailuo_2_3_fast_i2v',
    label: 'MiniMax Hailuo 2.3 Fast (image to video)',
    description: 'The fast Hailuo 2.3 at 768p: about a third cheaper and quicker, for iterating on a shot before the final take.',
    endpoint: 'fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video',
    params: standard23.params,
    // $0.19 for 6 s, $0.32 for 10 s.
    cost: (p) => (p.duration === '10' ? 32 : 19),
    price: price('fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video'),
    toInput: imageUrl,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3-fast/standard/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...textToVideo,
    ...pro23,
    nodeType: 'generate:hailuo_2_3_pro',
    label: 'MiniMax Hailuo 2.3 Pro (text to video)',
    description: 'MiniMax Hailuo 2.3 Pro: the same model at 1080p from a prompt, one clip per call.',
    endpoint: 'fal-ai/minimax/hailuo-2.3/pro/text-to-video',
    price: price('fal-ai/minimax/hailuo-2.3/pro/text-to-video'),
    toInput: promptBody,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3/pro/text-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    ...pro23,
    nodeType: 'generate:hailuo_2_3_pro_i2v',
    label: 'MiniMax Hailuo 2.3 Pro (image to video)',
    description: 'MiniMax Hailuo 2.3 Pro animates a still at 1080p: the pick for a final, sharp character shot.',
    endpoint: 'fal-ai/minimax/hailuo-2.3/pro/image-to-video',
    price: price('fal-ai/minimax/hailuo-2.3/pro/image-to-video'),
    toInput: imageUrl,
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-2.3/pro/image-to-video/llms.txt',
    documented: true,
  }),
];
