import { artifactIdOf } from '../../artifacts/index.js';
import { PipewrightError } from '../../errors/index.js';

const ON_OUR_ORIGIN = /\/artifacts\/(art_[0-9a-f]{24})$/;

/**
 * The origins (`https://pw.example`) whose `…/artifacts/<id>` URLs name a store's own artifacts:
 * the server passes its public base URL's, so an output URL a client passes back as an input is
 * read from the store. Any other host's such URL is someone else's file, fetched like any URL.
 */
export function artifactOrigins(urls: readonly string[] = []): ReadonlySet<string> {
  return new Set(urls.map(originOf));
}

/**
 * The id `url` names when it is a store's own: a stored reference or the relative URL older
 * records hold, or a `…/artifacts/<id>` URL on one of `origins` (signed or not). A `file:` URL is
 * the store's own only if `fromFile` says so (a store that keeps files on this machine).
 */
export function ownArtifactId(url: string, origins: ReadonlySet<string>, fromFile?: (url: URL) => string | undefined): string | undefined {
  const stored = artifactIdOf(url);
  if (stored !== undefined) return stored;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol === 'file:') return fromFile?.(parsed);
  return origins.has(parsed.origin) ? ON_OUR_ORIGIN.exec(parsed.pathname)?.[1] : undefined;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    throw new PipewrightError('invalid_config', `Artifact store origin ${JSON.stringify(url)} is not an absolute URL`);
  }
}
