import { DEFAULT_CONTENT_TYPE, normalizeContentType } from '../../artifacts/index.js';
import { loadSharp } from '../image/sharp.js';

const SHARP_FORMATS: Readonly<Record<string, string>> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  tiff: 'image/tiff',
};

/**
 * The content type of media bytes. The bytes win over what a server or file name claims (a
 * `.png` that is a JPEG is a JPEG); for what sharp cannot read (video, audio) the first
 * meaningful hint is taken, in the order given.
 */
export async function sniffContentType(bytes: Uint8Array, ...hints: ReadonlyArray<string | undefined>): Promise<string> {
  const fromBytes = await imageType(bytes);
  if (fromBytes) return fromBytes;
  for (const hint of hints) {
    const type = hint === undefined ? '' : normalizeContentType(hint);
    if (type !== '' && type !== DEFAULT_CONTENT_TYPE) return type;
  }
  return DEFAULT_CONTENT_TYPE;
}

async function imageType(bytes: Uint8Array): Promise<string | undefined> {
  try {
    const { format, compression } = await loadSharp()(bytes).metadata();
    if (format === 'heif') return compression === 'av1' ? 'image/avif' : 'image/heic';
    return SHARP_FORMATS[format];
  } catch {
    return undefined;
  }
}
