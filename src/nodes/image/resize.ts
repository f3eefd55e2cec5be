import { z } from 'zod';
import { defineNodeType } from '../node-type.js';
import { edgeSchema, loadImage, storeImage } from './support.js';

const settings = z
  .strictObject({
    width: edgeSchema.optional().describe('Target width in pixels; omit to follow the height and the aspect ratio.'),
    height: edgeSchema.optional().describe('Target height in pixels; omit to follow the width and the aspect ratio.'),
    fit: z
      .enum(['cover', 'contain', 'fill', 'inside', 'outside'])
      .default('inside')
      .describe(
        'How the image fits both dimensions: inside/outside keep the aspect ratio within/around the box, cover crops, contain letterboxes, fill stretches.',
      ),
    format: z.enum(['png', 'jpeg', 'webp']).optional().describe("Output format; default the input's."),
  })
  .refine((s) => s.width !== undefined || s.height !== undefined, { message: 'set width, height or both', path: ['width'] });

export const resizeImage = defineNodeType({
  nodeType: 'utility:image_resize',
  label: 'Resize image',
  category: 'utility',
  description: 'Scales an image to a width and/or height (up to 8192 px), keeping its aspect ratio unless told to crop, pad or stretch.',
  inputs: [{ name: 'image', type: 'image', required: true, description: 'The image to resize.' }],
  outputs: [{ name: 'image', type: 'image', description: 'The resized image.' }],
  config: settings,
  cost: () => 0,
  timeoutMs: 60_000,
  async run(ctx) {
    const { width, height, fit, format } = ctx.settings;
    const input = await loadImage(ctx);
    // Letterboxing (contain) pads with transparency where the format has it.
    const resized = input.image.resize({ width, height, fit, background: { r: 0, g: 0, b: 0, alpha: 0 } });
    return { image: await storeImage(ctx, resized, format ?? input.format) };
  },
});
