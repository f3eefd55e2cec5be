import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import { defineNodeType } from '../node-type.js';
import { captionBandSvg } from './caption-band.js';
import { colorSchema, loadImage, storeImage } from './support.js';

const settings = z.strictObject({
  position: z.enum(['top', 'bottom', 'center']).default('bottom').describe('Where the caption band sits.'),
  fontSize: z.number().int().min(6).max(512).optional().describe('Text size in pixels; default 1/20 of the image width (at least 12).'),
  color: colorSchema.default('white').describe('Text colour (CSS: name, #rrggbb, rgba()).'),
  background: colorSchema.default('rgba(0,0,0,0.6)').describe('Band colour behind the text; `transparent` for none.'),
  padding: z.number().int().min(0).max(1024).optional().describe('Space around the text in pixels; default half the font size.'),
});

const GRAVITY = { top: 'north', bottom: 'south', center: 'centre' } as const;

export const captionImage = defineNodeType({
  nodeType: 'utility:image_caption',
  label: 'Caption image',
  category: 'utility',
  description: 'Draws text on a band across the top, bottom or middle of an image, wrapping long text to the image width.',
  inputs: [
    { name: 'image', type: 'image', required: true, description: 'The image to caption.' },
    { name: 'text', type: 'text', required: true, description: 'The caption; line breaks are kept, long lines wrap.' },
  ],
  outputs: [{ name: 'image', type: 'image', description: 'The image with the caption drawn on it.' }],
  config: settings,
  cost: () => 0,
  timeoutMs: 60_000,
  async run(ctx) {
    const text = captionText(ctx.inputs.text);
    const input = await loadImage(ctx);
    const { position, color, background } = ctx.settings;
    const fontSize = ctx.settings.fontSize ?? Math.max(12, Math.round(input.width / 20));
    const padding = ctx.settings.padding ?? Math.round(fontSize / 2);
    const band = captionBandSvg({ text, width: input.width, maxHeight: input.height, fontSize, padding, color, background });
    const captioned = input.image.composite([{ input: band, gravity: GRAVITY[position] }]);
    return { image: await storeImage(ctx, captioned, input.format) };
  },
});

function captionText(value: unknown): string {
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  if (text.trim() !== '') return text;
  throw new PipewrightError('missing_input', 'No caption text given: wire in text or set config.text', { details: { port: 'text' } });
}
