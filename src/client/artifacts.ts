import { PipewrightError } from '../errors/index.js';
import { callOptions, path } from './route.js';
import type { RestTransport } from './transport.js';
import type { RequestOptions } from './types.js';

export interface ArtifactContent {
  bytes: Uint8Array;
  contentType: string;
}

export interface ArtifactsApi {
  /** An artifact id, or an output URL that names one (`/api/v1/artifacts/{id}`, relative or absolute). */
  get(idOrUrl: string, options?: RequestOptions): Promise<ArtifactContent>;
}

export function artifactsApi(transport: RestTransport): ArtifactsApi {
  return {
    get: async (idOrUrl, options) => transport.bytes({ method: 'GET', path: path('artifacts', artifactId(idOrUrl)), ...callOptions(options) }),
  };
}

/** Outputs carry URLs; callers should not have to cut the id out themselves. */
export function artifactId(idOrUrl: string): string {
  const match = /\/artifacts\/([^/?#]+)/.exec(idOrUrl);
  const id = match ? decodeURIComponent(match[1]!) : idOrUrl;
  if (id === '' || id.includes('/')) {
    throw new PipewrightError('invalid_field', 'Expected an artifact id or an /artifacts/{id} URL', { details: { field: 'id' } });
  }
  return id;
}
