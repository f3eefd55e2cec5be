import type { ResourceLink } from '@modelcontextprotocol/sdk/types.js';
import { artifactIdOf, artifactRef, contentTypeForPath } from '../artifacts/index.js';
import { type ArtifactUrlRenderer, visitStrings } from '../backend/index.js';

/**
 * A stored file as a resource this server reads (`pipewright://artifacts/{id}`): the form over
 * stdio, where no server is there to sign a URL.
 */
export const resourceArtifactUrls: ArtifactUrlRenderer = { idOf: artifactIdOf, url: artifactRef };

/**
 * `pipewright://artifacts/art_…`, `https://host/api/v1/artifacts/art_…?exp=…&sig=…` (signed), or a
 * file URL `…/art_….png`: the id is the last path segment, before any query.
 */
const ARTIFACT_URL = /\/(art_[0-9a-f]{24})(?:\.[a-z0-9]+)?(?:\?[^#]*)?$/;

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
    const mimeType = contentTypeForPath(text.split('?')[0]!);
    links.set(id, { type: 'resource_link', uri: artifactRef(id), name: id, ...(mimeType && { mimeType }) });
  });
  return [...links.values()];
}
