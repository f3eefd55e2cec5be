import { z } from 'zod';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({});

export const router = defineNodeType({
  nodeType: 'logic:router',
  label: 'Router',
  category: 'logic',
  description: 'Passes its input through unchanged: one wire in, as many out as you like. Use it to tidy a canvas or fan one value out to several nodes.',
  config: settings,
  inputs: [{ name: 'value', type: 'any', required: true, description: 'Any value.' }],
  outputs: [{ name: 'value', type: 'any', description: 'The same value.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ inputs }) {
    return { value: inputs.value };
  },
});
