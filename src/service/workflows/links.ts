/** The public URLs the service hands out, all under the operator's `publicBaseUrl`. */
export interface Links {
  workflow(id: string): string;
  webhook(webhookId: string): string;
}

export function createLinks(publicBaseUrl: string): Links {
  const base = `${publicBaseUrl.replace(/\/+$/, '')}/api/v1`;
  return {
    workflow: (id) => `${base}/workflows/${id}`,
    webhook: (webhookId) => `${base}/workflow/${webhookId}/trigger`,
  };
}
