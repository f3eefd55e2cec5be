/**
 * Types a browser shows without running anything. Any other type may hold script (HTML, SVG,
 * XHTML, XML of any kind, PDF…), so it is opened in a sandbox that may load nothing: a scripted
 * file from a workflow never runs as our origin, whether read with a key or a signed URL. A
 * passive type is sandboxed too, without the load ban a media viewer needs: its type is what a
 * data: URI or a server claimed when the bytes could not be read, so it may be HTML in disguise.
 */
const PASSIVE = /^(image\/(png|jpeg|gif|webp|avif|tiff|heic|bmp)|audio\/[a-z0-9.+-]+|video\/[a-z0-9.+-]+)$/;
const SANDBOX = "sandbox; default-src 'none'";
const PASSIVE_SANDBOX = 'sandbox';
/** `type/subtype`, optionally with parameters, in header-safe characters; anything else goes out as bytes. */
const TOKEN = '[a-z0-9!#$&^_.+-]+';
const MEDIA_TYPE = new RegExp(`^${TOKEN}/${TOKEN}(; ?${TOKEN}=(${TOKEN}|"[^"\\\\\\r\\n]*"))*$`, 'i');

/** Headers of a stored file's bytes: its type, private caching, never sniffed, sandboxed unless passive. */
export function artifactHeaders(contentType: string): Record<string, string> {
  const type = MEDIA_TYPE.test(contentType) ? contentType : 'application/octet-stream';
  const essence = (type.split(';')[0] ?? '').toLowerCase();
  return {
    'Content-Type': type,
    'Cache-Control': 'private, max-age=3600',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': PASSIVE.test(essence) ? PASSIVE_SANDBOX : SANDBOX,
  };
}
