import type { ModelEntry } from './entry.js';
import { anthropicModels } from './llm-anthropic.js';
import { openModels } from './llm-open.js';
import { openAiModels } from './llm-openai.js';

/** Text models: OpenAI's and any OpenAI-compatible server's, Anthropic's, and open-weight models on fal. */
export const llmModels: readonly ModelEntry[] = [...openAiModels, ...anthropicModels, ...openModels];
