import { z } from 'zod';
import { defineNodeType } from '../node-type.js';
import { loadImage, OUTPUT_FORMATS, storeImage } from './support.js';

const settings = z.strictObject({
  format: z.enum(OUTPUT_FORMATS).describe('The format to write.'),
  quality: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe('Encoder quality 1–100 for jpeg, webp and avif (their defaults otherwise); for png it limits the palette size.'),
});

export const convertImage = defineNodeType({
  nodeType: 'utility:image_convert',
  label: 'Convert image',
  category: 'utility',
  description: 'Re-encodes an image as PNG, JPEG, WebP or AVIF, optionally at a chosen quality, without changing its pixels’ size.',
  inputs: [{ name: 'image', type: 'image', required: true, description: 'The image to convert.' }],
  outputs: [{ name: 'image', type: 'image', description: 'The image in the new format.' }],
  config: settings,
  cost: () => 0,
  timeoutMs: 60_000,
  async run(ctx) {
    const input = await loadImage(ctx);
    return { image: await storeImage(ctx, input.image, ctx.settings.format, ctx.settings.quality) };
  },
});
