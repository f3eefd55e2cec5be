import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { gridImages } from '../../../src/nodes/image/grid.js';
import { near, pixelAt, runImageNode, solid, useArtifactStore, type Rgb } from './fixtures.js';

const artifacts = useArtifactStore();
const RED: Rgb = [255, 0, 0];
const GREEN: Rgb = [0, 255, 0];
const BLUE: Rgb = [0, 0, 255];
const YELLOW: Rgb = [255, 255, 0];
const WHITE: Rgb = [255, 255, 255];

const grid = async (images: unknown, config: Record<string, unknown> = {}) => runImageNode(gridImages, artifacts.store, { inputs: { images }, config });
const squares = (colors: Rgb[]) => Promise.all(colors.map((color) => solid(100, 100, color)));

describe('utility:image_grid', () => {
  it('lays four images out 2×2 with gaps, each colour in its cell', async () => {
    const out = await grid(await squares([RED, GREEN, BLUE, YELLOW]), { cellWidth: 100, gap: 10 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 210, height: 210, format: 'png' });
    expect(near(await pixelAt(out, 50, 50), RED)).toBe(true);
    expect(near(await pixelAt(out, 160, 50), GREEN)).toBe(true);
    expect(near(await pixelAt(out, 50, 160), BLUE)).toBe(true);
    expect(near(await pixelAt(out, 160, 160), YELLOW)).toBe(true);
    expect(near(await pixelAt(out, 105, 50), WHITE)).toBe(true);
  });

  it('takes a column count and fills the last row partly', async () => {
    const out = await grid(await squares([RED, GREEN, BLUE]), { columns: 2, cellWidth: 50, gap: 0, background: '#000000' });
    expect(await sharp(out).metadata()).toMatchObject({ width: 100, height: 100 });
    expect(near(await pixelAt(out, 25, 75), BLUE)).toBe(true);
    expect(near(await pixelAt(out, 75, 75), [0, 0, 0])).toBe(true);
  });

  it('scales each image to fit its cell, padding with the background', async () => {
    const wide = await solid(200, 100, RED);
    const out = await grid([wide, await solid(100, 100, GREEN)], { columns: 2, cellWidth: 100, cellHeight: 100, gap: 0 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 200, height: 100 });
    expect(near(await pixelAt(out, 50, 10), WHITE)).toBe(true);
    expect(near(await pixelAt(out, 50, 50), RED)).toBe(true);
  });

  it("takes the cell height from the first image's aspect ratio", async () => {
    const out = await grid([await solid(200, 100, RED)], { cellWidth: 300 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 300, height: 150 });
  });

  it('accepts one image given as a single value', async () => {
    const out = await grid(await solid(10, 10, RED), { cellWidth: 20 });
    expect(await sharp(out).metadata()).toMatchObject({ width: 20, height: 20 });
  });

  it('refuses an empty list and a grid past 8192 px', async () => {
    await expect(grid([])).rejects.toMatchObject({ code: 'missing_input', details: { port: 'images' } });
    const many = await squares(Array.from({ length: 20 }, () => RED));
    await expect(grid(many, { columns: 20, cellWidth: 512 })).rejects.toMatchObject({ code: 'image_too_large', kind: 'user' });
  });
});
