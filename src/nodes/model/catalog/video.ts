import type { ModelEntry } from './entry.js';
import { klingModels } from './video-kling.js';
import { minimaxModels } from './video-minimax.js';
import { veoModels } from './video-veo.js';

/** Every video generator, one file per model family. */
export const videoModels: readonly ModelEntry[] = [...veoModels, ...klingModels, ...minimaxModels];
