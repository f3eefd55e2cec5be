import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { resizeImage } from '../../../src/nodes/image/resize.js';
import { runImageNode, solid, useArtifactStore } from './fixtures.js';

const artifacts = useArtifactStore();
const resize = async (image: string, config: Record<string, unknown>) => runImageNode(resizeImage, artifacts.store, { inputs: { image }, config });

describe('utility:image_resize', () => {
  it('scales to a width keeping the aspect ratio and the input format', async () => {
    const out = await resize(await solid(400, 200, [255, 0, 0]), { width: 100 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 100, height: 50, format: 'png' });
  });

  it('stretches to both dimensions with fit fill and writes the chosen format', async () => {
    const out = await resize(await solid(400, 200, [0, 0, 255]), { width: 64, height: 64, fit: 'fill', format: 'jpeg' });
    expect(await sharp(out).metadata()).toMatchObject({ width: 64, height: 64, format: 'jpeg' });
  });

  it('letterboxes with fit contain to the exact box', async () => {
    const out = await resize(await solid(400, 200, [0, 255, 0]), { width: 100, height: 100, fit: 'contain' });
    expect(await sharp(out).metadata()).toMatchObject({ width: 100, height: 100 });
  });

  it('asks for a width or a height, within 8192 px', () => {
    expect(resizeImage.config.safeParse({}).success).toBe(false);
    expect(resizeImage.config.safeParse({ width: 8193 }).success).toBe(false);
    expect(resizeImage.config.safeParse({ height: 10, unknown: 1 }).success).toBe(false);
    expect(resizeImage.config.safeParse({ height: 10 }).success).toBe(true);
  });

  it('stops when its signal has fired', async () => {
    const inputs = { image: await solid(10, 10, [0, 0, 0]) };
    const signal = AbortSignal.abort(new Error('cancelled'));
    await expect(runImageNode(resizeImage, artifacts.store, { inputs, config: { width: 5 }, signal })).rejects.toThrow('cancelled');
  });

  it('reports a missing image as a user error', async () => {
    await expect(runImageNode(resizeImage, artifacts.store, { config: { width: 5 } })).rejects.toMatchObject({ code: 'missing_input', kind: 'user' });
  });
});
