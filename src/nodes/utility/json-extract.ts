import { z } from 'zod';
import { parseJson } from '../support/coerce.js';
import { invalidInput } from '../support/invalid-input.js';
import { JsonPathSchema, readPath } from '../support/json-path.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  path: JsonPathSchema.describe('Where the value is, e.g. data.items[0].url or choices.0.message.content.'),
});

export const jsonExtract = defineNodeType({
  nodeType: 'utility:json_extract',
  label: 'Extract from JSON',
  category: 'utility',
  description:
    'Picks one value out of JSON by its path (data.items[0].url), e.g. a URL from an API response. Text holding JSON is parsed first. A missing path fails the node.',
  config: settings,
  inputs: [{ name: 'json', type: 'json', required: true, description: 'The JSON to read, or text holding JSON.' }],
  outputs: [{ name: 'value', type: 'any', description: 'The value found at the path.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings, inputs }) {
    if (inputs.json === undefined) throw invalidInput('Extract from JSON got no input');
    const json = typeof inputs.json === 'string' ? parseJson(inputs.json, 'The JSON input') : inputs.json;
    return { value: readPath(json, settings.path) };
  },
});
