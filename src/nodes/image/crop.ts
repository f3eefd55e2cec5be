import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import { defineNodeType } from '../node-type.js';
import { edgeSchema, loadImage, MAX_EDGE, storeImage, type LoadedImage } from './support.js';

const ASPECT_RATIOS = ['1:1', '4:3', '3:4', '3:2', '2:3', '16:9', '9:16', '21:9', '9:21', '5:4', '4:5'] as const;

const offsetSchema = z.number().int().min(0).max(MAX_EDGE);

const settings = z
  .strictObject({
    left: offsetSchema.optional().describe('Box mode: pixels from the left edge (default 0).'),
    top: offsetSchema.optional().describe('Box mode: pixels from the top edge (default 0).'),
    width: edgeSchema.optional().describe('Box mode: width of the box in pixels.'),
    height: edgeSchema.optional().describe('Box mode: height of the box in pixels.'),
    aspectRatio: z.enum(ASPECT_RATIOS).optional().describe('Ratio mode: cut the largest area of this width:height ratio.'),
    gravity: z
      .enum(['center', 'north', 'northeast', 'east', 'southeast', 'south', 'southwest', 'west', 'northwest', 'attention', 'entropy'])
      .default('center')
      .describe('Ratio mode: which part to keep; attention keeps the most salient region, entropy the most detailed.'),
  })
  .superRefine((s, issues) => {
    const box = s.width !== undefined || s.height !== undefined || s.left !== undefined || s.top !== undefined;
    if (s.aspectRatio !== undefined && box) {
      issues.addIssue({ code: 'custom', message: 'use either aspectRatio or a box (left, top, width, height), not both', path: ['aspectRatio'] });
    } else if (s.aspectRatio === undefined && (s.width === undefined || s.height === undefined)) {
      issues.addIssue({ code: 'custom', message: 'set width and height of the box (left and top default to 0), or an aspectRatio', path: ['width'] });
    }
  });
type Settings = z.infer<typeof settings>;

export const cropImage = defineNodeType<Settings>({
  nodeType: 'utility:image_crop',
  label: 'Crop image',
  category: 'utility',
  description: 'Cuts a region out of an image: an exact pixel box, or the largest area of an aspect ratio such as 1:1 or 16:9 placed by gravity.',
  inputs: [{ name: 'image', type: 'image', required: true, description: 'The image to crop.' }],
  outputs: [{ name: 'image', type: 'image', description: 'The cropped image.' }],
  config: settings,
  cost: () => 0,
  timeoutMs: 60_000,
  async run(ctx) {
    const input = await loadImage(ctx);
    const { aspectRatio, gravity } = ctx.settings;
    const cropped =
      aspectRatio === undefined
        ? input.image.extract(boxWithin(input, ctx.settings))
        : input.image.resize({ ...largestArea(input, aspectRatio), fit: 'cover', position: gravity });
    return { image: await storeImage(ctx, cropped, input.format) };
  },
});

function boxWithin(image: LoadedImage, { left = 0, top = 0, width = 0, height = 0 }: Settings) {
  if (left + width > image.width || top + height > image.height) {
    throw new PipewrightError('crop_out_of_bounds', `The ${width}×${height} crop at (${left}, ${top}) reaches past the ${image.width}×${image.height} image`, {
      details: { imageWidth: image.width, imageHeight: image.height, left, top, width, height },
    });
  }
  return { left, top, width, height };
}

/** The largest width:height area inside the image: one side is the image's, so `cover` only cuts, never scales. */
function largestArea(image: LoadedImage, aspectRatio: string): { width: number; height: number } {
  const [ratioWidth = 1, ratioHeight = 1] = aspectRatio.split(':').map(Number);
  if (image.width * ratioHeight > image.height * ratioWidth) {
    return { width: Math.max(1, Math.round((image.height * ratioWidth) / ratioHeight)), height: image.height };
  }
  return { width: image.width, height: Math.max(1, Math.round((image.width * ratioHeight) / ratioWidth)) };
}
