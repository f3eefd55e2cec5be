import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { expandPrompt, seconds } from './fields.js';
import { falVideo } from './outputs.js';
import { imageToVideo } from './video-fields.js';
import { klingModels } from './video-kling.js';
import { veoModels } from './video-veo.js';

export const videoModels: readonly ModelEntry[] = [
  ...veoModels,
  ...klingModels,
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
