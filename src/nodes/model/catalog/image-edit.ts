import type { ModelEntry } from './entry.js';
import { imageModels } from './image/index.js';

/** Models that change an image as a prompt says; each family's file is in image/. */
export const imageEditModels: readonly ModelEntry[] = imageModels.filter((entry) => entry.kind === 'image-edit');
