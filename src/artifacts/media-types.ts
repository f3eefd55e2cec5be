/**
 * File extensions for the content types pipewright stores and reads. The store names files by
 * it and readers of local paths guess a type from it, so both directions live in one table.
 */
const EXTENSIONS: ReadonlyArray<readonly [contentType: string, extension: string]> = [
  ['image/png', 'png'],
  ['image/jpeg', 'jpg'],
  ['image/jpeg', 'jpeg'],
  ['image/webp', 'webp'],
  ['image/avif', 'avif'],
  ['image/gif', 'gif'],
  ['image/svg+xml', 'svg'],
  ['image/tiff', 'tif'],
  ['image/tiff', 'tiff'],
  ['image/heic', 'heic'],
  ['video/mp4', 'mp4'],
  ['video/webm', 'webm'],
  ['video/quicktime', 'mov'],
  ['audio/mpeg', 'mp3'],
  ['audio/wav', 'wav'],
  ['audio/ogg', 'ogg'],
  ['audio/flac', 'flac'],
  ['audio/mp4', 'm4a'],
  ['application/json', 'json'],
  ['text/plain', 'txt'],
];

export const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

/** RFC 9110 `type/subtype` tokens: a claimed type (a data: URI's, a server's) becomes a header later. */
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** `image/PNG; charset=x` → `image/png`; '' for text that is no media type (`text/html\r\nSet-Cookie: …`). */
export function normalizeContentType(contentType: string): string {
  const essence = (contentType.split(';')[0] ?? '').trim().toLowerCase();
  return MEDIA_TYPE.test(essence) ? essence : '';
}

/** The first extension listed for a content type, `bin` for unknown ones. */
export function extensionFor(contentType: string): string {
  const type = normalizeContentType(contentType);
  return EXTENSIONS.find(([t]) => t === type)?.[1] ?? 'bin';
}

/** The content type a file name's extension suggests, if it is one we know. */
export function contentTypeForPath(path: string): string | undefined {
  const extension = /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase();
  return EXTENSIONS.find(([, e]) => e === extension)?.[0];
}
