import type { ModelEntry } from './entry.js';
import { klingModels } from './video-kling.js';
import { lumaModels } from './video-luma.js';
import { minimaxModels } from './video-minimax.js';
import { pixverseModels } from './video-pixverse.js';
import { runwayModels } from './video-runway.js';
import { seedanceModels } from './video-seedance.js';
import { veoModels } from './video-veo.js';
import { wanModels } from './video-wan.js';

/** Every video generator, one file per model family. */
export const videoModels: readonly ModelEntry[] = [
  ...veoModels,
  ...klingModels,
  ...minimaxModels,
  ...seedanceModels,
  ...wanModels,
  ...lumaModels,
  ...pixverseModels,
  ...runwayModels,
];
