import { z } from 'zod';
import { toText } from '../support/coerce.js';
import { defineNodeType } from '../node-type.js';

const settings = z.strictObject({
  separator: z.string().min(1).default('\n').describe('Where to cut, taken literally; one line per item by default.'),
  trim: z.boolean().default(true).describe('Remove spaces around each item.'),
  dropEmpty: z.boolean().default(true).describe('Leave out items that are empty (after trimming).'),
  limit: z.number().int().min(1).max(1000).optional().describe('Keep at most this many items, the first ones.'),
});

export const textSplit = defineNodeType({
  nodeType: 'utility:text_split',
  label: 'Split text',
  category: 'utility',
  description: 'Cuts text into a list (one item per line by default). Wire the list into a node that takes one text and that node runs once per item.',
  config: settings,
  inputs: [{ name: 'text', type: 'text', required: true, description: 'The text to split.' }],
  outputs: [{ name: 'items', type: 'text[]', description: 'The pieces, in order.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings, inputs }) {
    let items = toText(inputs.text, 'The text to split').split(settings.separator);
    if (settings.trim) items = items.map((item) => item.trim());
    if (settings.dropEmpty) items = items.filter((item) => item !== '');
    return { items: items.slice(0, settings.limit) };
  },
});
