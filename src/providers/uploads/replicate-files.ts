import type { AdapterDeps } from '../adapter-deps.js';
import { malformedAnswer } from '../errors.js';
import { createProviderTransport } from '../http/transport.js';
import type { ProviderAdapter } from '../provider.js';
import type { ProviderSettings } from '../settings.js';

/**
 * Replicate's Files API (https://sdks.replicate.com/resources/files/methods/create): POST
 * {api}/files with a multipart form whose `content` part is the file, its type and file name;
 * the answer's `urls.get` is what a prediction input sends, as Replicate's own client does
 * (replicate/replicate-javascript, lib/util.js, transformFileInputsToReplicateFileURLs).
 * Creating a file starts no billed job, so it is retried when transient.
 */
export function replicateFilesUpload(settings: NonNullable<ProviderSettings['replicate']>, deps: AdapterDeps): NonNullable<ProviderAdapter['upload']> {
  const api = createProviderTransport({
    provider: 'replicate',
    http: deps.http,
    headers: { authorization: `Bearer ${settings.apiToken}` },
    secrets: [settings.apiToken],
    retry: deps.retry,
  });
  return async (file, signal) => {
    const form = new FormData();
    form.append('content', new Blob([file.bytes], { type: file.contentType }), file.fileName);
    const answer = (await api.json({ method: 'POST', url: `${settings.apiUrl}/files`, body: form, signal })) as { urls?: { get?: unknown } } | null;
    const url = answer?.urls?.get;
    if (typeof url !== 'string') throw malformedAnswer('replicate', 'a created file without urls.get');
    return url;
  };
}
