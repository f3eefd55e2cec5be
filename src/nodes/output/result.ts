import { z } from 'zod';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  name: z.string().min(1).max(100).default('result').describe("The key this value has in the execution's finalOutput; give each output node its own."),
});

export const outputResult = defineNodeType({
  nodeType: 'output:result',
  label: 'Result',
  category: 'output',
  description: "Marks a value as a result of the workflow: it appears in the execution's finalOutput under the name set here.",
  config: settings,
  inputs: [{ name: 'value', type: 'any', required: true, description: 'The value to return.' }],
  outputs: [{ name: 'value', type: 'any', description: 'The same value.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ inputs }) {
    return { value: inputs.value };
  },
});
