import { z } from 'zod';
import { toText } from '../support/coerce.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  prompt: z.string().default('').describe('The text this node provides; a run-time input replaces it.'),
});

export const inputText = defineNodeType({
  nodeType: 'input:text',
  label: 'Text input',
  category: 'input',
  description: 'A piece of text — usually a prompt — typed into the workflow or supplied when it runs. Wire its output into any text port.',
  config: settings,
  inputKey: 'prompt',
  inputs: [],
  outputs: [
    { name: 'prompt', type: 'text', description: 'The text.' },
    { name: 'text', type: 'text', description: 'The same text, for nodes whose input is called text.' },
  ],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    const text = toText(settings.prompt, 'The text input');
    return { prompt: text, text };
  },
});
