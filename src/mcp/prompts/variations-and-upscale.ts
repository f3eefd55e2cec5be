import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { suggestionsFor } from '../completions.js';
import { promptText } from './loop.js';

export const NAME = 'variations_and_upscale';

/** Counts that fill utility:image_grid's default sheet (⌈√n⌉ columns) with no empty cell. */
const COUNTS = ['2', '4', '6', '9', '12', '16'];

export const argsSchema = {
  subject: z.string().describe('What to draw, e.g. "a lighthouse at dusk, watercolor"'),
  count: completable(z.string().optional().describe('How many variations (default 4)'), (typed) => suggestionsFor(COUNTS, typed)),
};

const PATTERN = [
  '- input:text with the variations as one comma-separated list → utility:text_split, so the next nodes run once per item (fan-out).',
  '- utility:prompt_template to combine the subject with each variation → a text-to-image model (query "image").',
  '- An upscaler (query "upscale") on the images, and utility:image_grid to lay them out as a contact sheet.',
  '- output:result for the sheet and for the upscaled images. Fan-out multiplies cost: estimate first.',
].join('\n');

export function registerVariationsAndUpscalePrompt(server: McpServer): void {
  server.registerPrompt(
    NAME,
    {
      title: 'Variations and upscale',
      description: 'Build and run a workflow that draws several variations of one subject, upscales them and makes a contact sheet',
      argsSchema,
    },
    ({ subject, count }): GetPromptResult => {
      const goal = `Make ${count ?? '4'} variations of: ${subject}. Upscale each and lay them out on one sheet.`;
      return { messages: [{ role: 'user', content: { type: 'text', text: promptText(goal, PATTERN) } }] };
    },
  );
}
