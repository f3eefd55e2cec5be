import type { ModelEntry } from './entry.js';
import { imageModels } from './image/index.js';

/** Models that make an image from a prompt; each family's file is in image/. */
export const textToImageModels: readonly ModelEntry[] = imageModels.filter((entry) => entry.kind === 'text-to-image');
