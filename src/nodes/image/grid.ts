import type { OverlayOptions } from 'sharp';
import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import { requireMediaRef } from '../io/media-ref.js';
import { defineNodeType } from '../node-type.js';
import { loadSharp } from './sharp.js';
import { colorSchema, decodeImage, edgeSchema, MAX_EDGE, render, storeImage } from './support.js';

const MAX_IMAGES = 100;

const settings = z.strictObject({
  columns: z.number().int().min(1).max(MAX_IMAGES).optional().describe('Images per row; default the smallest square that holds them all (ceil √n).'),
  cellWidth: edgeSchema.default(512).describe('Width of each cell in pixels.'),
  cellHeight: edgeSchema.optional().describe("Height of each cell in pixels; default from the first image's aspect ratio."),
  gap: z.number().int().min(0).max(1024).default(8).describe('Space between cells in pixels.'),
  background: colorSchema.default('#ffffff').describe('Colour of the gaps and of the padding around images that do not fill their cell.'),
});

export const gridImages = defineNodeType({
  nodeType: 'utility:image_grid',
  label: 'Image grid',
  category: 'utility',
  description: 'Lays out several images as one contact sheet, in rows and columns, each scaled to fit its cell.',
  inputs: [{ name: 'images', type: 'image[]', required: true, description: 'The images, in order: wire in many edges or a list.' }],
  outputs: [{ name: 'image', type: 'image', description: 'The grid as one PNG.' }],
  config: settings,
  cost: () => 0,
  timeoutMs: 120_000,
  async run(ctx) {
    const refs = imageRefs(ctx.inputs.images);
    const images = await Promise.all(refs.map((ref) => decodeImage(ctx, ref, 'images')));
    const first = images[0]!;
    const { cellWidth, gap, background } = ctx.settings;
    const cellHeight = ctx.settings.cellHeight ?? Math.max(1, Math.round((cellWidth * first.height) / first.width));
    const columns = Math.min(ctx.settings.columns ?? Math.ceil(Math.sqrt(images.length)), images.length);
    const rows = Math.ceil(images.length / columns);
    const width = columns * cellWidth + (columns - 1) * gap;
    const height = rows * cellHeight + (rows - 1) * gap;
    if (width > MAX_EDGE || height > MAX_EDGE) {
      throw new PipewrightError(
        'image_too_large',
        `The grid would be ${width}×${height} px; keep it within ${MAX_EDGE} px a side with fewer columns or smaller cells`,
        {
          details: { width, height, maxEdge: MAX_EDGE },
        },
      );
    }
    const cells = await Promise.all(
      images.map(
        async ({ image }, index): Promise<OverlayOptions> => ({
          input: await render(image.resize({ width: cellWidth, height: cellHeight, fit: 'contain', background })),
          left: (index % columns) * (cellWidth + gap),
          top: Math.floor(index / columns) * (cellHeight + gap),
        }),
      ),
    );
    ctx.signal.throwIfAborted();
    const canvas = loadSharp()({ create: { width, height, channels: 4, background } }).composite(cells);
    return { image: await storeImage(ctx, canvas, 'png') };
  },
});

/** A list port takes a list, but a single configured value arrives as one string. */
function imageRefs(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  if (items.length === 0) {
    throw new PipewrightError('missing_input', 'The grid got an empty list of images', { details: { port: 'images' } });
  }
  if (items.length > MAX_IMAGES) {
    throw new PipewrightError('too_many_images', `A grid takes at most ${MAX_IMAGES} images, got ${items.length}`, {
      details: { count: items.length, max: MAX_IMAGES },
    });
  }
  return items.map((item) => requireMediaRef(item, 'images'));
}
