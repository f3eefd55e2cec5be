import { audioModels } from './audio.js';
import { backgroundRemovalModels } from './background-removal.js';
import type { ModelEntry } from './entry.js';
import { imageEditModels } from './image-edit.js';
import { lipSyncModels } from './lip-sync.js';
import { llmModels } from './llm.js';
import { speechToTextModels } from './speech-to-text.js';
import { textToImageModels } from './text-to-image.js';
import { upscaleModels } from './upscale.js';
import { videoModels } from './video.js';
import { videoUpscaleModels } from './video-upscale.js';

/** Every model pipewright knows, by kind. The node types, `GET /nodes` and docs/models.md all come from here. */
export const MODEL_CATALOG: readonly ModelEntry[] = [
  ...textToImageModels,
  ...imageEditModels,
  ...upscaleModels,
  ...videoUpscaleModels,
  ...backgroundRemovalModels,
  ...videoModels,
  ...lipSyncModels,
  ...audioModels,
  ...speechToTextModels,
  ...llmModels,
];

export { MODEL_KINDS, defineModel } from './entry.js';
export type { ModelEntry, ModelKind } from './entry.js';
