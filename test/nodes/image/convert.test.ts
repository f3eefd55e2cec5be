import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { convertImage } from '../../../src/nodes/image/convert.js';
import { runNode } from '../context.js';
import { near, pixelAt, runImageNode, solid, useArtifactStore } from './fixtures.js';

const artifacts = useArtifactStore();

describe('utility:image_convert', () => {
  it.each([
    ['jpeg', 'jpeg'],
    ['webp', 'webp'],
    ['avif', 'heif'],
    ['png', 'png'],
  ])('writes %s', async (format, sharpFormat) => {
    const out = await runImageNode(convertImage, artifacts.store, { inputs: { image: await solid(40, 30, [10, 200, 30]) }, config: { format, quality: 80 } });
    expect(await sharp(out).metadata()).toMatchObject({ format: sharpFormat, width: 40, height: 30 });
  });

  it('stores the artifact under the new content type', async () => {
    const outputs = await runNode(convertImage, { format: 'webp' }, { artifacts: artifacts.store, inputs: { image: await solid(4, 4, [0, 0, 0]) } });
    const artifact = await artifacts.store.get(artifacts.store.idFromUrl(String(outputs.image))!);
    expect(artifact?.contentType).toBe('image/webp');
  });

  it('turns transparency white when writing JPEG', async () => {
    const clear = await sharp({ create: { width: 8, height: 8, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .png()
      .toBuffer();
    const out = await runImageNode(convertImage, artifacts.store, {
      inputs: { image: `data:image/png;base64,${clear.toString('base64')}` },
      config: { format: 'jpeg' },
    });
    expect(near(await pixelAt(out, 4, 4), [255, 255, 255])).toBe(true);
  });

  it('refuses an unknown format and a quality out of range', () => {
    expect(convertImage.config.safeParse({ format: 'bmp' }).success).toBe(false);
    expect(convertImage.config.safeParse({ format: 'jpeg', quality: 0 }).success).toBe(false);
  });

  it('reports bytes that are not an image as a user error', async () => {
    const run = runImageNode(convertImage, artifacts.store, { inputs: { image: 'data:text/plain,hello' }, config: { format: 'png' } });
    await expect(run).rejects.toMatchObject({ code: 'invalid_image', kind: 'user' });
  });
});
