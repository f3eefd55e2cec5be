import { parseTarget } from './target.js';

export interface Hop {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Headers that must not follow a redirect to another origin. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const BODY_HEADERS = new Set(['content-type', 'content-length', 'content-encoding']);

/** The request a redirect response asks for, or undefined when the response is final. */
export function nextHop(hop: Hop, status: number, location: string | undefined): Hop | undefined {
  if (!REDIRECT_STATUSES.has(status) || !location) return undefined;
  const url = parseTarget(location, hop.url);
  // As browsers do: 303 always, and 301/302 after a POST, turn into a GET without a body.
  const toGet = status === 303 ? hop.method !== 'HEAD' : (status === 301 || status === 302) && hop.method === 'POST';
  const keep = (name: string): boolean => !(toGet && BODY_HEADERS.has(name)) && !(url.origin !== hop.url.origin && CREDENTIAL_HEADERS.has(name));
  const headers = Object.fromEntries(Object.entries(hop.headers).filter(([name]) => keep(name.toLowerCase())));
  return toGet ? { url, method: 'GET', headers } : { ...hop, url, headers };
}
