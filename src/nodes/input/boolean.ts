import { z } from 'zod';
import { toBoolean } from '../support/coerce.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  value: z.boolean().default(false).describe('The switch this node provides; a run-time input ("true"/"false" accepted) replaces it.'),
});

export const inputBoolean = defineNodeType({
  nodeType: 'input:boolean',
  label: 'Yes/no input',
  category: 'input',
  description: 'A true/false switch set in the workflow or supplied when it runs; wire it into logic:if to turn a branch on or off.',
  config: settings,
  inputKey: 'value',
  inputs: [],
  outputs: [{ name: 'value', type: 'boolean', description: 'true or false.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    return { value: toBoolean(settings.value, 'The yes/no input') };
  },
});
