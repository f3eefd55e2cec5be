import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, expandPrompt, seconds } from './fields.js';
import { falVideo } from './outputs.js';
import { imageIn, promptIn, videoOut } from './ports.js';
import { veoModels } from './video-veo.js';

const motionPrompt = { ...promptIn, description: 'What happens in the clip: motion, camera, mood.' };
const firstFrame = { ...imageIn, description: 'The first frame: the video starts from this image.' };
const textToVideo = { kind: 'video', inputs: [promptIn], outputs: [videoOut], timeoutMs: 900_000 } as const;
const imageToVideo = { ...textToVideo, inputs: [firstFrame, motionPrompt] } as const;

const klingParams = {
  duration: z.enum(['5', '10']).default('5').describe('Length in seconds: 5 or 10.'),
  negative_prompt: z.string().max(2500).default('blur, distort, and low quality').describe('What to keep out of the video.'),
  cfg_scale: z.number().min(0).max(1).default(0.5).describe('How closely to follow the prompt, 0–1.'),
};
/** Kling 2.5 Turbo Pro: $0.35 for 5 s, $0.07 per further second (https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/pro/image-to-video/llms.txt). */
const klingProCost = (p: { duration: string }) => 7 * seconds(p.duration);

export const videoModels: readonly ModelEntry[] = [
  ...veoModels,
  defineModel({
    ...textToVideo,
    nodeType: 'generate:kling_video_2_5',
    aliases: ['generate:kling-video-2.5', 'generate:kling_2_5', 'generate:kling-2.5', 'generate:kling-video-v2.5-turbo'],
    label: 'Kling Video 2.5 Turbo Pro (text to video)',
    description: 'Kling 2.5 Turbo Pro from a prompt: fluid, cinematic motion and precise prompt following, 5 or 10 s.',
    provider: 'fal',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/pro/text-to-video',
    params: z.strictObject({ ...klingParams, aspect_ratio: aspectRatio(['16:9', '9:16', '1:1'], '16:9') }),
    cost: klingProCost,
    toInput: (inputs, p) => ({ prompt: inputs.prompt, ...p }),
    fromOutput: falVideo,
    source: 'https://fal.ai/docs/model-api-reference/video-generation-api/kling-video-v2.5-turbo-pro.md',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:kling_video_2_5_i2v',
    aliases: ['generate:kling-video-2.5-i2v', 'generate:kling-video-2.5-image-to-video'],
    label: 'Kling Video 2.5 Turbo Pro (image to video)',
    description: 'Animates a still with Kling 2.5 Turbo Pro: the best motion quality here for product and character shots.',
    provider: 'fal',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/pro/image-to-video',
    params: z.strictObject(klingParams),
    cost: klingProCost,
    toInput: (inputs, p) => ({ prompt: inputs.prompt, image_url: inputs.image, ...p }),
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
    provider: 'fal',
    endpoint: 'fal-ai/kling-video/v2.5-turbo/standard/image-to-video',
    params: z.strictObject(klingParams),
    // $0.21 for 5 s, $0.042 per further second.
    cost: (p) => Math.ceil(4.2 * seconds(p.duration)),
    toInput: (inputs, p) => ({ prompt: inputs.prompt, image_url: inputs.image, ...p }),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/kling-video/v2.5-turbo/standard/image-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...imageToVideo,
    nodeType: 'generate:hailuo_02_i2v',
    aliases: ['generate:minimax-hailuo-02', 'generate:hailuo-02'],
    label: 'MiniMax Hailuo 02 (image to video)',
    description: 'MiniMax Hailuo 02: strong physics and camera moves from a still, 6 or 10 s at 768p.',
    provider: 'fal',
    endpoint: 'fal-ai/minimax/hailuo-02/standard/image-to-video',
    params: z.strictObject({
      duration: z.enum(['6', '10']).default('6').describe('Length in seconds: 6 or 10.'),
      prompt_optimizer: expandPrompt,
    }),
    // $0.045 per second at 768p.
    cost: (p) => Math.ceil(4.5 * seconds(p.duration)),
    toInput: (inputs, p) => ({ prompt: inputs.prompt, image_url: inputs.image, ...p }),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/minimax/hailuo-02/standard/image-to-video/api',
    documented: false,
  }),
];
