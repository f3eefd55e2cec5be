import { limitLines, wrapText } from './text-layout.js';

export interface CaptionBand {
  text: string;
  /** The image's width: the band spans it. */
  width: number;
  /** The image's height: the band never grows past it. */
  maxHeight: number;
  fontSize: number;
  padding: number;
  /** CSS colours, already checked against `colorSchema` so they are safe inside an attribute. */
  color: string;
  background: string;
}

const LINE_HEIGHT = 1.3;
/** Half DejaVu Sans' cap height: puts a line's capitals in the middle of its line box. */
const HALF_CAP_HEIGHT = 0.36;

/** An SVG of a full-width band with the text wrapped and centred in it, ready to composite. */
export function captionBandSvg(band: CaptionBand): Buffer {
  const { width, fontSize, padding } = band;
  const lineHeight = Math.round(fontSize * LINE_HEIGHT);
  const textWidth = Math.max(1, width - 2 * padding);
  const maxLines = Math.max(1, Math.floor((band.maxHeight - 2 * padding) / lineHeight));
  const lines = limitLines(wrapText(band.text, textWidth, fontSize), maxLines, textWidth, fontSize);
  const height = Math.min(band.maxHeight, lines.length * lineHeight + 2 * padding);
  const tspans = lines.map((line, index) => {
    const baseline = padding + index * lineHeight + lineHeight / 2 + HALF_CAP_HEIGHT * fontSize;
    return `<tspan x="${width / 2}" y="${baseline.toFixed(1)}">${escapeXml(line)}</tspan>`;
  });
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="${band.background}"/>` +
      `<text font-family="DejaVu Sans, sans-serif" font-size="${fontSize}" fill="${band.color}" text-anchor="middle">${tspans.join('')}</text>` +
      `</svg>`,
  );
}

/** Escapes markup and drops the control characters XML 1.0 cannot carry at all. */
function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
