import type { ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { contentTypeForPath } from '../backend/index.js';

/** `/api/v1/artifacts/art_…` (server) or `file:///…/artifacts/art_….png` (embedded): the id is the last segment. */
const ARTIFACT_URL = /\/(art_[0-9a-f]{24})(?:\.[a-z0-9]+)?$/;

export function artifactUri(id: string): string {
  return `pipewright://artifacts/${id}`;
}

/**
 * Resource links for every stored output file mentioned anywhere in `value` (poll views, final
 * outputs), once each, in the order met. Provider URLs are left as they are: the client can
 * fetch those itself.
 */
export function artifactLinks(value: unknown): ResourceLink[] {
  const links = new Map<string, ResourceLink>();
  visitStrings(value, (text) => {
    const id = ARTIFACT_URL.exec(text)?.[1];
    if (id === undefined || links.has(id)) return;
    const mimeType = contentTypeForPath(text);
    links.set(id, { type: 'resource_link', uri: artifactUri(id), name: id, ...(mimeType && { mimeType }) });
  });
  return [...links.values()];
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const item of value) visitStrings(item, visit);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visitStrings(item, visit);
}
