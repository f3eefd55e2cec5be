import { z } from 'zod';
import { parseJson } from '../support/coerce.js';
import { invalidInput } from '../support/invalid-input.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  value: z
    .unknown()
    .optional()
    .describe('Any JSON value. Text is parsed as JSON, so a JSON string is written "\\"like this\\"". A run-time input replaces it.'),
});

export const inputJson = defineNodeType({
  nodeType: 'input:json',
  label: 'JSON input',
  category: 'input',
  description: 'Structured data (an object, a list, a number…) set in the workflow or supplied when it runs; pick fields out of it with utility:json_extract.',
  config: settings,
  inputKey: 'value',
  inputs: [],
  outputs: [{ name: 'value', type: 'json', description: 'The JSON value.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    if (settings.value === undefined) throw invalidInput('The JSON input has no value: set value or pass one when running');
    return { value: typeof settings.value === 'string' ? parseJson(settings.value, 'The JSON input') : settings.value };
  },
});
