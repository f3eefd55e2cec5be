import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { captionImage } from '../../../src/nodes/image/caption.js';
import { near, pixelAt, runImageNode, solid, useArtifactStore, type Rgb } from './fixtures.js';

const artifacts = useArtifactStore();
const BLUE: Rgb = [30, 60, 200];

const caption = async (text: unknown, config: Record<string, unknown> = {}) =>
  runImageNode(captionImage, artifacts.store, { inputs: { image: await solid(400, 300, BLUE), text }, config });

/** Rows, top to bottom, that hold at least one pixel not of the background colour. */
async function changedRows(image: Buffer): Promise<number[]> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const rows: number[] = [];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const offset = (y * info.width + x) * info.channels;
      if (!near([data[offset]!, data[offset + 1]!, data[offset + 2]!], BLUE)) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

describe('utility:image_caption', () => {
  it('draws a band with text at the bottom and leaves the top alone', async () => {
    const out = await caption('Hello, world');
    expect(await sharp(out).metadata()).toMatchObject({ width: 400, height: 300 });
    const rows = await changedRows(out);
    expect(rows.length).toBeGreaterThan(20);
    expect(Math.min(...rows)).toBeGreaterThan(240);
    expect(Math.max(...rows)).toBe(299);
    // Text is drawn in its colour inside the darker band.
    const whiteInBand = await sharp(out).extract({ left: 0, top: 250, width: 400, height: 50 }).stats();
    expect(whiteInBand.channels[0]!.max).toBeGreaterThan(200);
  });

  it('puts the band at the top when asked', async () => {
    const rows = await changedRows(await caption('Top text', { position: 'top' }));
    expect(Math.min(...rows)).toBe(0);
    expect(Math.max(...rows)).toBeLessThan(60);
  });

  it('wraps long text onto more lines instead of running off the edge', async () => {
    const long = 'A caption that is far too long to fit on one line of a four hundred pixel image, so it wraps';
    const rows = await changedRows(await caption(long, { fontSize: 20 }));
    const single = await changedRows(await caption('Short', { fontSize: 20 }));
    expect(rows.length).toBeGreaterThan(single.length * 2);
    expect(rows.length).toBeLessThan(300);
  });

  it('draws markup as text rather than interpreting it', async () => {
    const out = await caption('<tspan fill="red">&amp; "quotes" \u0007</tspan>');
    expect((await changedRows(out)).length).toBeGreaterThan(20);
  });

  it('accepts a number as text and asks for text when there is none', async () => {
    expect((await changedRows(await caption(42))).length).toBeGreaterThan(10);
    await expect(caption('  ')).rejects.toMatchObject({ code: 'missing_input', details: { port: 'text' } });
  });

  it('checks colours so they are safe to draw', () => {
    expect(captionImage.config.safeParse({ color: 'rgba(255, 0, 0, 0.5)', background: '#00000080' }).success).toBe(true);
    expect(captionImage.config.safeParse({ color: 'red" onload="x' }).success).toBe(false);
    expect(captionImage.config.safeParse({ color: 'notacolour' }).success).toBe(false);
    expect(captionImage.config.safeParse({ text: 'settings do not repeat ports' }).success).toBe(false);
  });

  it('keeps a transparent-background caption visible in red', async () => {
    const out = await caption('RED', { color: 'red', background: 'transparent', fontSize: 60 });
    const rows = await changedRows(out);
    expect(rows.length).toBeGreaterThan(20);
    const { channels } = await sharp(out)
      .extract({ left: 0, top: Math.min(...rows), width: 400, height: rows.length })
      .stats();
    expect(channels[0]!.max).toBeGreaterThan(200);
    expect(near(await pixelAt(out, 2, 150), BLUE)).toBe(true);
  });
});
