import { z } from 'zod';
import { toText } from '../support/coerce.js';
import { invalidInput } from '../support/invalid-input.js';
import { defineNodeType } from '../node-type.js';

const settings = z
  .strictObject({
    options: z.array(z.string().min(1)).min(1).max(100).describe('The choices offered, in order.'),
    value: z.string().optional().describe('The chosen option; the first option when unset. A run-time input replaces it.'),
  })
  .refine((s) => s.value === undefined || s.options.includes(s.value), { message: 'value must be one of options', path: ['value'] });

export const inputSelect = defineNodeType({
  nodeType: 'input:select',
  label: 'Choice input',
  category: 'input',
  description: 'One value picked from a fixed list of options (a style, a size, a language), set in the workflow or supplied when it runs.',
  config: settings,
  inputKey: 'value',
  inputs: [],
  outputs: [{ name: 'value', type: 'text', description: 'The chosen option.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    const value = toText(settings.value ?? settings.options[0], 'The choice input');
    if (!settings.options.includes(value)) {
      throw invalidInput(`The choice input got "${value}"; expected one of: ${settings.options.join(', ')}`, { value, options: settings.options });
    }
    return { value };
  },
});
