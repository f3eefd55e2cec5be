import { z } from 'zod';
import { defineModel, type ModelEntry } from './entry.js';
import { aspectRatio, seed, PRICES_CHECKED } from './fields.js';
import { frameBody, imageToVideo, replicateVideo } from './video-fields.js';

/** Runway on Replicate (https://replicate.com/runwayml). */

export const runwayModels: readonly ModelEntry[] = [
  defineModel({
    ...imageToVideo,
    provider: 'replicate',
    nodeType: 'generate:runway_gen4_turbo',
    label: 'Runway Gen-4 Turbo (image to video, Replicate)',
    description: 'Runway Gen-4 Turbo animates a still in about half a minute with strong character and scene consistency, 5 or 10 s at 720p.',
    endpoint: 'runwayml/gen4-turbo',
    params: z.strictObject({
      duration: z
        .union([z.literal(5), z.literal(10)])
        .default(5)
        .describe('Length in seconds: 5 or 10.'),
      aspect_ratio: aspectRatio(['16:9', '9:16', '4:3', '3:4', '1:1', '21:9'], '16:9'),
      seed,
    }),
    // $0.05 a second. Replicate's price for this model was not found: the figure is a third-party
    // listing of Runway Gen-4 Turbo, which names the same 5 or 10 s and six shapes this entry takes.
    cost: (p) => 5 * p.duration,
    price: { source: 'https://developer.muvi.video/docs/models/video/runway/gen-4-turbo', checked: PRICES_CHECKED },
    toInput: frameBody('image'),
    fromOutput: replicateVideo,
    source: 'https://replicate.com/runwayml/gen4-turbo/versions/eb9e9b16bcc7d83db9451bcfc5a1dd061cfe466929e069815918ee937fcd32cc/api',
    // The version page names the fields and defaults but not the allowed durations and shapes.
    documented: false,
  }),
];
