import { captionBandSvg } from '../image/caption-band.js';
import { loadSharp } from '../image/sharp.js';

export interface PlaceholderText {
  /** Big and red at the top: what this is ("DRY RUN", "DRY RUN · video"). */
  banner: string;
  nodeType: string;
  /** The request, shortened by the caller. */
  detail: string;
}

const WIDTH = 768;
const BACKGROUND = '#1f2430';

/**
 * A PNG that cannot be mistaken for a real result: a red DRY RUN banner, the node type, and the
 * request. Its shape follows the node's `aspect_ratio` setting when it has one, so layouts downstream
 * (grids, crops) behave as they will for real.
 */
export async function placeholderPng(text: PlaceholderText, aspectRatio?: unknown): Promise<Buffer> {
  const sharp = loadSharp();
  const height = heightFor(aspectRatio);
  const band = (content: string, fontSize: number, color: string, maxHeight: number) =>
    captionBandSvg({ text: content, width: WIDTH, maxHeight, fontSize, padding: Math.round(fontSize / 2), color, background: BACKGROUND });
  const banner = band(text.banner, 64, '#ff4d4d', Math.round(height * 0.3));
  const nodeType = band(text.nodeType, 30, '#ffffff', Math.round(height * 0.2));
  const bannerHeight = (await sharp(banner).metadata()).height;
  const typeHeight = (await sharp(nodeType).metadata()).height;
  const detail = band(text.detail, 22, '#c8d0e0', Math.max(1, height - bannerHeight - typeHeight - 24));
  return sharp({ create: { width: WIDTH, height, channels: 4, background: BACKGROUND } })
    .composite([
      { input: banner, top: 12, left: 0 },
      { input: nodeType, top: 12 + bannerHeight, left: 0 },
      { input: detail, top: 24 + bannerHeight + typeHeight, left: 0 },
    ])
    .png()
    .toBuffer();
}

/** `"16:9"` → the matching height for our width, kept between a quarter and four times the width. */
function heightFor(aspectRatio: unknown): number {
  const match = typeof aspectRatio === 'string' ? /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspectRatio) : null;
  if (!match) return WIDTH;
  const ratio = Number(match[1]) / Number(match[2]);
  return Math.round(WIDTH / Math.min(4, Math.max(0.25, ratio)));
}
