import { artifactIdOf, type ArtifactLinkService, type ArtifactUrlRenderer } from '../../service/index.js';
import { BASE_PATH } from '../settings.js';

export interface RestArtifactUrlsOptions {
  /** Where clients reach this server (`PIPEWRIGHT_PUBLIC_URL`, else the bound address). */
  publicBaseUrl: string;
  links: Pick<ArtifactLinkService, 'sign'>;
}

/** Our own URL once the base is cut off: the id, then the signature's query (or none). */
const OWN_TAIL = /^(art_[0-9a-f]{24})(?:\?[^#]*)?$/;

/**
 * The REST face's form of a stored file: `{public base}/api/v1/artifacts/{id}?exp=…&sig=…`,
 * absolute and signed, so a browser or `curl` opens it without a key until it expires. It takes
 * the stored reference, the relative URL older records hold, and its own URLs (an expired one
 * comes back renewed).
 */
export function restArtifactUrls({ publicBaseUrl, links }: RestArtifactUrlsOptions): ArtifactUrlRenderer {
  const prefix = `${publicBaseUrl.replace(/\/+$/, '')}${BASE_PATH}/artifacts/`;
  return {
    idOf: (text) => artifactIdOf(text) ?? (text.startsWith(prefix) ? OWN_TAIL.exec(text.slice(prefix.length))?.[1] : undefined),
    async url(id) {
      const { exp, sig } = await links.sign(id);
      return `${prefix}${id}?exp=${exp}&sig=${sig}`;
    },
  };
}
