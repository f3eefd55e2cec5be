import { completable } from '@modelcontextprotocol/sdk/server/completable.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GetPromptResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { suggestionsFor } from '../completions.js';
import { promptText } from './loop.js';

export const NAME = 'product_shot_to_video';

/** Moves image-to-video models follow well, offered as completions; any other text works too. */
const MOTIONS = [
  'slow 360° turntable',
  'slow dolly in',
  'orbit around the product',
  'pan from left to right',
  'crane up reveal',
  'static camera, soft light sweep',
];

export const argsSchema = {
  product: z.string().describe('The product, e.g. "a red running sneaker"'),
  image: z.string().optional().describe('URL or local path of a product photo; without one, the still is generated'),
  motion: completable(z.string().optional().describe('The camera or product motion, e.g. "slow 360° turntable"'), (typed) => suggestionsFor(MOTIONS, typed)),
};

const PATTERN = [
  '- input:image (the photo) → a background-removal model (query "background") → an image-edit model that places the cut-out in a scene (query "edit"),',
  '  or, without a photo: input:text → llm:prompt_rewrite → a text-to-image model (e.g. generate:flux_2).',
  '- Optionally an upscaler (query "upscale") on the still.',
  '- The still → an image-to-video model (query "video"; e.g. generate:kling_video_2_5_i2v) with an input:text for the motion prompt.',
  '- output:result nodes for the key frame and the video.',
].join('\n');

export function registerProductShotToVideoPrompt(server: McpServer): void {
  server.registerPrompt(
    NAME,
    {
      title: 'Product shot to video',
      description: 'Build and run a workflow that turns a product (photo or description) into a short product video',
      argsSchema,
    },
    ({ product, image, motion }): GetPromptResult => {
      const source = image ? `Start from the product photo at ${image}.` : 'There is no photo: generate the product still first.';
      const goal = `Make a short product video of ${product}. ${source} Motion: ${motion ?? 'a slow, smooth camera move around the product'}.`;
      return { messages: [{ role: 'user', content: { type: 'text', text: promptText(goal, PATTERN) } }] };
    },
  );
}
