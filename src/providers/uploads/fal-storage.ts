import type { AdapterDeps } from '../adapter-deps.js';
import { malformedAnswer } from '../errors.js';
import { createProviderTransport, type ProviderTransport } from '../http/transport.js';
import type { ProviderAdapter, ProviderFile } from '../provider.js';
import { DEFAULT_URLS, type ProviderSettings } from '../settings.js';

/** fal's client uploads files larger than this in parts of `PART_BYTES` (fal-ai/fal-js, libs/client/src/storage.ts). */
const MULTIPART_ABOVE_BYTES = 90 * 1024 * 1024;
const PART_BYTES = 10 * 1024 * 1024;

type Upload = NonNullable<ProviderAdapter['upload']>;

/**
 * fal storage, as fal's own client uploads a file (fal-ai/fal-js, libs/client/src/storage.ts):
 * POST {rest}/storage/upload/initiate?storage_type=fal-cdn-v3 with `{content_type, file_name}`
 * and the key answers `{upload_url, file_url}`; the bytes go to `upload_url` in one PUT, or above
 * 90 MiB through initiate-multipart, a PUT per 10 MiB part to `{upload_url}/{n}` and a POST of the
 * parts to `{upload_url}/complete`. `file_url` is what a request sends. The upload URLs are signed:
 * the key is not sent there. Uploads start no billed job, so every step is retried when transient.
 */
export function falStorageUpload(settings: NonNullable<ProviderSettings['fal']>, deps: AdapterDeps): Upload {
  const rest = settings.restUrl ?? DEFAULT_URLS.falRest;
  const transport = (headers: Record<string, string>, secrets: string[]) =>
    createProviderTransport({ provider: 'fal', http: deps.http, headers, secrets: [settings.apiKey, ...secrets], retry: deps.retry });
  const api = transport({ authorization: `Key ${settings.apiKey}` }, []);
  return async (file, signal) => {
    const multipart = file.bytes.byteLength > MULTIPART_ABOVE_BYTES;
    const initiate = multipart ? 'initiate-multipart' : 'initiate';
    const body = { content_type: file.contentType, file_name: file.fileName };
    const target = uploadTarget(await api.json({ method: 'POST', url: `${rest}/storage/upload/${initiate}?storage_type=fal-cdn-v3`, body, signal }));
    const storage = transport({}, signatureOf(target.upload_url));
    if (multipart) await putParts(storage, target.upload_url, file, signal);
    else await storage.json({ method: 'PUT', url: target.upload_url, body: new Blob([file.bytes], { type: file.contentType }), signal });
    return target.file_url;
  };
}

async function putParts(storage: ProviderTransport, uploadUrl: string, file: ProviderFile, signal: AbortSignal): Promise<void> {
  const url = new URL(uploadUrl);
  const at = (step: string) => `${url.origin}${url.pathname}/${step}${url.search}`;
  const parts: { partNumber: number; etag: string }[] = [];
  for (let start = 0; start < file.bytes.byteLength; start += PART_BYTES) {
    const chunk = new Blob([file.bytes.subarray(start, start + PART_BYTES)]);
    parts.push(uploadedPart(await storage.json({ method: 'PUT', url: at(String(parts.length + 1)), body: chunk, signal })));
  }
  await storage.json({ method: 'POST', url: at('complete'), body: { parts }, signal });
}

function uploadTarget(answer: unknown): { upload_url: string; file_url: string } {
  const { upload_url, file_url } = (answer ?? {}) as Record<string, unknown>;
  if (typeof upload_url !== 'string' || typeof file_url !== 'string' || !URL.canParse(upload_url)) {
    throw malformedAnswer('fal', 'an upload without upload_url and file_url');
  }
  return { upload_url, file_url };
}

/**
 * The signed upload URL's query is its credential: a storage error that echoes the request (as a
 * signature mismatch does) must not carry it, whole or one value at a time, encoded or not.
 */
function signatureOf(uploadUrl: string): string[] {
  const { search, searchParams } = new URL(uploadUrl);
  const query = search.slice(1);
  const rawValues = query.split('&').map((pair) => pair.slice(pair.indexOf('=') + 1));
  return [query, ...rawValues, ...searchParams.values()];
}

function uploadedPart(answer: unknown): { partNumber: number; etag: string } {
  const { partNumber, etag } = (answer ?? {}) as Record<string, unknown>;
  if (typeof partNumber !== 'number' || typeof etag !== 'string') throw malformedAnswer('fal', 'an uploaded part without partNumber and etag');
  return { partNumber, etag };
}
