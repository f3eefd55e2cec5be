import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cropImage } from '../../../src/nodes/image/crop.js';
import { near, pixelAt, runImageNode, useArtifactStore, type Rgb } from './fixtures.js';

const artifacts = useArtifactStore();
const RED: Rgb = [255, 0, 0];
const BLUE: Rgb = [0, 0, 255];

/** 300×100: the left third red, the rest blue. */
async function redThenBlue(): Promise<string> {
  const red = await sharp({ create: { width: 100, height: 100, channels: 3, background: 'red' } })
    .png()
    .toBuffer();
  const png = await sharp({ create: { width: 300, height: 100, channels: 3, background: 'blue' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
  return `data:image/png;base64,${png.toString('base64')}`;
}

const crop = async (config: Record<string, unknown>) => runImageNode(cropImage, artifacts.store, { inputs: { image: await redThenBlue() }, config });

describe('utility:image_crop', () => {
  it('cuts an exact box', async () => {
    const out = await crop({ left: 150, top: 10, width: 100, height: 50 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 100, height: 50, format: 'png' });
    expect(near(await pixelAt(out, 0, 0), BLUE)).toBe(true);
  });

  it('defaults left and top to 0', async () => {
    const out = await crop({ width: 50, height: 50 });
    expect(near(await pixelAt(out, 49, 49), RED)).toBe(true);
  });

  it('cuts the largest area of an aspect ratio, placed by gravity', async () => {
    const west = await crop({ aspectRatio: '1:1', gravity: 'west' });
    expect(await sharp(west).metadata()).toMatchObject({ width: 100, height: 100 });
    expect(near(await pixelAt(west, 50, 50), RED)).toBe(true);
    const centre = await crop({ aspectRatio: '1:1' });
    expect(near(await pixelAt(centre, 50, 50), BLUE)).toBe(true);
    expect(await sharp(await crop({ aspectRatio: '9:16' })).metadata()).toMatchObject({ width: 56, height: 100 });
  });

  it('refuses a box past the edge, naming the image size', async () => {
    const outside = crop({ left: 250, top: 0, width: 100, height: 100 });
    await expect(outside).rejects.toMatchObject({ code: 'crop_out_of_bounds', kind: 'user', details: { imageWidth: 300, imageHeight: 100 } });
    await expect(outside).rejects.toThrow('300×100');
  });

  it('takes one mode: a box or an aspect ratio', () => {
    expect(cropImage.config.safeParse({ aspectRatio: '1:1', width: 10 }).success).toBe(false);
    expect(cropImage.config.safeParse({ left: 10 }).success).toBe(false);
    expect(cropImage.config.safeParse({ aspectRatio: '7:5' }).success).toBe(false);
    expect(cropImage.config.safeParse({ width: 10, height: 10 }).success).toBe(true);
  });
});
