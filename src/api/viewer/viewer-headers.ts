/**
 * The page runs only its own bundle: no inline script or style, no eval, no frames, no plugins.
 * It talks to its own origin (the API, the event stream) and shows media from there and from the
 * public base that signed artifact URLs point at, when that is another origin. Previews of any
 * other URL (a provider's) are drawn as links by the page, so they never meet this policy.
 */
export function viewerHeaders(artifactOrigin: string | undefined): Record<string, string> {
  const media = ["'self'", ...(artifactOrigin ? [artifactOrigin] : [])].join(' ');
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    `img-src ${media}`,
    `media-src ${media}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}
