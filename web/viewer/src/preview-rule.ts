// Which output URLs the page may load as media: its own origin and the origin signed artifact URLs
// point at (named by the server in a meta tag), exactly what the page's Content-Security-Policy
// allows (src/api/viewer/viewer-headers.ts). Anything else, a provider's URL, is shown as a link.
const artifactOrigin = document.querySelector<HTMLMetaElement>('meta[name="pipewright-artifact-origin"]')?.content;
const allowed = new Set([location.origin, ...(artifactOrigin ? [artifactOrigin] : [])]);

export function canPreview(url: string): boolean {
  return URL.canParse(url) && allowed.has(new URL(url).origin);
}
