import type { ModelEntry } from '../entry.js';
import { fluxModels } from './flux.js';
import { fluxEditModels } from './flux-edit.js';
import { gptImageModels } from './gpt-image.js';
import { imagenModels } from './imagen.js';
import { nanoBananaModels } from './nano-banana.js';
import { recraftModels } from './recraft.js';

/** Every image model, generators and editors, by family; text-to-image.ts and image-edit.ts take their kind. */
export const imageModels: readonly ModelEntry[] = [...fluxModels, ...fluxEditModels, ...nanoBananaModels, ...recraftModels, ...gptImageModels, ...imagenModels];
