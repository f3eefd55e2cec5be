import { z } from 'zod';
import { asText } from '../support/coerce.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  separator: z.string().default(', ').describe('Put between parts, e.g. ", " or "\\n".'),
});

export const promptConcat = defineNodeType({
  nodeType: 'utility:prompt_concat',
  label: 'Join text',
  category: 'utility',
  description: 'Joins several pieces of text into one prompt, in the order their edges were added, with a separator between them. Empty pieces are left out.',
  config: settings,
  inputs: [{ name: 'parts', type: 'text[]', required: true, description: 'The pieces; wire several edges into it, or one list.' }],
  outputs: [{ name: 'prompt', type: 'text', description: 'The joined text.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings, inputs }) {
    const parts = Array.isArray(inputs.parts) ? inputs.parts : [inputs.parts];
    const texts = parts.map((part) => asText(part)).filter((text): text is string => text !== undefined && text.trim() !== '');
    return { prompt: texts.join(settings.separator) };
  },
});
