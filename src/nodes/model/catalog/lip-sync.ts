import { z } from 'zod';
import type { PortSpec } from '../../../graph/index.js';
import { defineModel, type ModelEntry } from './entry.js';
import { seed, PRICES_CHECKED } from './fields.js';
import { falVideo } from './outputs.js';
import { videoOut } from './ports.js';

const videoIn: PortSpec = { name: 'video', type: 'video', required: true, description: 'The video of the face to re-animate: a URL, artifact or file path.' };
const speechIn: PortSpec = { name: 'audio', type: 'audio', required: true, description: 'The speech the lips should follow.' };
const common = {
  kind: 'lip-sync',
  provider: 'fal',
  inputs: [videoIn, speechIn],
  outputs: [{ ...videoOut, description: 'The video with the new lip movements, as one URL.' }],
  timeoutMs: 900_000,
  fromOutput: falVideo,
  toInput: (inputs: Readonly<Record<string, unknown>>, p: Record<string, unknown>) => ({ video_url: inputs.video, audio_url: inputs.audio, ...p }),
} as const;

/**
 * Lip sync is billed per second of video, which the cost cannot see (it depends on the clips wired
 * in): where the provider sets no shorter limit, a run is priced as a 30-second clip, and longer
 * clips cost more at the provider than the estimate.
 */
const CLIP_SECONDS = 30;

const syncMode = z
  .enum(['cut_off', 'loop', 'bounce', 'silence', 'remap'])
  .default('cut_off')
  .describe('When audio and video lengths differ: cut_off the longer, loop or bounce the video, pad with silence, or remap (stretch) it.');

export const lipSyncModels: readonly ModelEntry[] = [
  defineModel({
    ...common,
    nodeType: 'generate:sync_lipsync_v2',
    aliases: ['generate:sync-lipsync-v2', 'generate:lipsync', 'generate:lip-sync'],
    label: 'Sync Lipsync 2.0',
    description: 'sync. lipsync-2: makes the person in any video (live action, animation, AI) speak the given audio, keeping their style; pro is sharper.',
    endpoint: 'fal-ai/sync-lipsync/v2',
    params: z.strictObject({
      model: z
        .enum(['lipsync-2', 'lipsync-2-pro'])
        .default('lipsync-2')
        .describe('lipsync-2, or lipsync-2-pro: finer teeth and detail at about 1.67× the price.'),
      sync_mode: syncMode,
    }),
    // $3 per minute of video ($0.05/s), lipsync-2-pro about 1.67 times that; priced as CLIP_SECONDS.
    cost: (p) => Math.ceil(5 * CLIP_SECONDS * (p.model === 'lipsync-2-pro' ? 1.67 : 1)),
    price: { source: 'https://fal.ai/models/fal-ai/sync-lipsync/v2/llms.txt', checked: PRICES_CHECKED },
    source: 'https://fal.ai/models/fal-ai/sync-lipsync/v2/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:sync_lipsync_v2_pro',
    aliases: ['generate:sync-lipsync-v2-pro'],
    label: 'Sync Lipsync 2.0 Pro',
    description: 'sync. lipsync-2-pro on its own endpoint: the highest-detail lip sync for close-ups, beards and teeth.',
    endpoint: 'fal-ai/sync-lipsync/v2/pro',
    params: z.strictObject({ sync_mode: syncMode }),
    // fal's price for this endpoint was not found: assumed lipsync-2-pro's rate on fal-ai/sync-lipsync/v2
    // (about 1.67 × $3 per minute, that page), priced as CLIP_SECONDS.
    cost: () => Math.ceil(5 * CLIP_SECONDS * 1.67),
    price: { source: 'https://fal.ai/models/fal-ai/sync-lipsync/v2/llms.txt', checked: PRICES_CHECKED },
    source: 'https://fal.ai/models/fal-ai/sync-lipsync/v2/pro/api',
    documented: false,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:latentsync',
    aliases: ['generate:latent-sync'],
    label: 'LatentSync',
    description: "ByteDance's open LatentSync: diffusion-based lip sync for talking-head videos; inexpensive for clips up to 40 seconds.",
    endpoint: 'fal-ai/latentsync',
    params: z.strictObject({
      guidance_scale: z.number().min(1).max(2).default(1).describe('How strongly the audio steers the mouth, 1–2.'),
      seed,
      loop_mode: z
        .enum(['pingpong', 'loop'])
        .optional()
        .describe('When the audio outlasts the video: play it back and forth (pingpong) or loop it; unset stops at the video end.'),
    }),
    // $0.20 for videos up to 40 seconds, then $0.005 per second; priced as a clip of up to 40 seconds.
    cost: () => 20,
    price: { source: 'https://fal.ai/models/fal-ai/latentsync/llms.txt', checked: PRICES_CHECKED },
    source: 'https://fal.ai/models/fal-ai/latentsync/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:kling_lipsync',
    aliases: ['generate:kling-lipsync', 'generate:kling-lipsync-audio-to-video'],
    label: 'Kling LipSync (audio to video)',
    description: 'Kling LipSync: re-animates the mouth of a 2–10 second 720p/1080p clip to match 2–60 seconds of speech (at most 5 MB).',
    endpoint: 'fal-ai/kling-video/lipsync/audio-to-video',
    params: z.strictObject({}),
    // $0.014 per second of input video, rounded up to 5-second steps; the video is at most 10 seconds.
    cost: () => 14,
    price: { source: 'https://fal.ai/models/fal-ai/kling-video/lipsync/audio-to-video/llms.txt', checked: PRICES_CHECKED },
    source: 'https://fal.ai/models/fal-ai/kling-video/lipsync/audio-to-video/llms.txt',
    documented: true,
  }),
  defineModel({
    ...common,
    nodeType: 'generate:pixverse_lipsync',
    aliases: ['generate:pixverse-lipsync'],
    label: 'PixVerse Lipsync',
    description: 'PixVerse Lipsync: realistic mouth movement for a video from a speech track; a budget option per second of output.',
    endpoint: 'fal-ai/pixverse/lipsync',
    params: z.strictObject({}),
    // $0.04 per second of output video; priced as CLIP_SECONDS.
    cost: () => 4 * CLIP_SECONDS,
    price: { source: 'https://fal.ai/models/fal-ai/pixverse/lipsync/llms.txt', checked: PRICES_CHECKED },
    source: 'https://fal.ai/models/fal-ai/pixverse/lipsync/llms.txt',
    documented: true,
  }),
];
