import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { seed, PRICES_CHECKED, choice, credits } from './fields.js';
import { falVideo } from './outputs.js';
import { videoOut } from './ports.js';
import { videoIn } from './video-fields.js';

/**
 * Video upscalers. What they cost depends on the clip they get, which is unknown until the run; the
 * estimate assumes the clip most generators here make: 5 s of 1280×720 at 24 fps (120 frames).
 */
const ASSUMED_FRAMES = 5 * 24;
const ASSUMED_PIXELS = 1280 * 720;
/** Frame pixels of each SeedVR target resolution at 16:9. */
const TARGET_PIXELS: Readonly<Record<string, number>> = { '720p': 1280 * 720, '1080p': 1920 * 1080, '1440p': 2560 * 1440, '2160p': 3840 * 2160 };

export const videoUpscaleModels: readonly ModelEntry[] = [
  defineModel({
    kind: 'upscale',
    provider: 'fal',
    nodeType: 'generate:seedvr_video_upscale',
    label: 'SeedVR2 Video Upscaler',
    description: 'Upscales a video (by a factor or to a target like 1080p or 4K) and restores detail while keeping frames consistent over time.',
    endpoint: 'fal-ai/seedvr/upscale/video',
    inputs: [videoIn],
    outputs: [videoOut],
    timeoutMs: 1_800_000,
    params: z.strictObject({
      upscale_mode: choice(['factor', 'target'], 'factor', 'Scale by upscale_factor, or to target_resolution'),
      upscale_factor: z.number().min(1).max(10).default(2).describe('How many times larger (factor mode), 1–10.'),
      target_resolution: choice(['720p', '1080p', '1440p', '2160p'], '1080p', 'Resolution to reach (target mode)'),
      noise_scale: z.number().min(0).max(1).multipleOf(0.001).default(0.1).describe('Noise added during restoration, 0–1.'),
      output_format: choice(['X264 (.mp4)', 'VP9 (.webm)', 'PRORES4444 (.mov)', 'GIF (.gif)'], 'X264 (.mp4)', 'File format of the output'),
      output_quality: choice(['low', 'medium', 'high', 'maximum'], 'high', 'Quality of the encoded output'),
      output_write_mode: choice(['fast', 'balanced', 'small'], 'balanced', 'Encoder trade-off between speed and file size'),
      seed,
    }),
    // $0.001 per megapixel of output video (width × height × frames), for the assumed 120-frame clip.
    cost: (p) => {
      const framePixels =
        p.upscale_mode === 'target' ? (TARGET_PIXELS[p.target_resolution] ?? TARGET_PIXELS['2160p']!) : ASSUMED_PIXELS * p.upscale_factor ** 2;
      return credits((framePixels * ASSUMED_FRAMES * 0.001) / 1_000_000);
    },
    price: { source: 'https://fal.ai/models/fal-ai/seedvr/upscale/video/llms.txt', checked: PRICES_CHECKED },
    toInput: (inputs, p) => ({ video_url: inputs.video, ...p }),
    fromOutput: falVideo,
    source: 'https://fal.ai/models/fal-ai/seedvr/upscale/video/llms.txt',
    documented: true,
  }),
];
