import type { Links } from '../service/index.js';
import { BASE_PATH } from './settings.js';

/** The REST face's own URLs for what the service hands out, under the operator's public base. */
export function restLinks(publicBaseUrl: string): Links {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}${BASE_PATH}`;
  return {
    publicBaseUrl,
    workflow: (id) => `${base}/workflows/${id}`,
    webhook: (webhookId) => `${base}/workflow/${webhookId}/trigger`,
    artifact: (id, { exp, sig }) => `${base}/artifacts/${id}?exp=${exp}&sig=${sig}`,
  };
}
