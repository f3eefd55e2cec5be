import { artifactIdOf, artifactRef } from '../artifacts/index.js';
import { renderArtifactRefs } from '../backend/index.js';

/**
 * How the CLI shows a stored file: the `file://` URL of its bytes on this machine, which a
 * terminal opens. Where there is no such file (a remote backend's outputs are its own signed
 * URLs, untouched here) the reference stays.
 */
export function withFileUrls<T>(value: T, fileUrl: (id: string) => Promise<string | undefined>): Promise<T> {
  return renderArtifactRefs(value, { idOf: artifactIdOf, url: async (id) => (await fileUrl(id)) ?? artifactRef(id) });
}
