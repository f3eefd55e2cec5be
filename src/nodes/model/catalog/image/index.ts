import type { ModelEntry } from '../entry.js';
import { fluxModels } from './flux.js';
import { fluxEditModels } from './flux-edit.js';
import { gptImageModels } from './gpt-image.js';
import { ideogramModels } from './ideogram.js';
import { imagenModels } from './imagen.js';
import { nanoBananaModels } from './nano-banana.js';
import { qwenImageModels } from './qwen-image.js';
import { recraftModels } from './recraft.js';
import { seedreamModels } from './seedream.js';

/** Every image model, generators and editors, by family; text-to-image.ts and image-edit.ts take their kind. */
export const imageModels: readonly ModelEntry[] = [
  ...fluxModels,
  ...fluxEditModels,
  ...nanoBananaModels,
  ...seedreamModels,
  ...recraftModels,
  ...ideogramModels,
  ...qwenImageModels,
  ...gptImageModels,
  ...imagenModels,
];
