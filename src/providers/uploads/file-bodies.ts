import type { HttpClient, HttpRequest, HttpResponse } from '../http/client.js';

/**
 * The provider HTTP client, taught to send files: a request whose body is a `Blob` (bytes, with
 * their type as content-type) or a `FormData` (a multipart form) goes out as it is; every other
 * request goes to `http`, which sends JSON. Transports built on it keep their retries, error codes
 * and redaction for uploads too.
 */
export function withFileBodies(http: HttpClient): HttpClient {
  return {
    send: (request) => (request.body instanceof Blob || request.body instanceof FormData ? sendFile(request, request.body) : http.send(request)),
    destroy: () => http.destroy(),
  };
}

async function sendFile({ method, url, headers, signal }: HttpRequest, body: Blob | FormData): Promise<HttpResponse> {
  const [{ request }, { bytes, type }] = await Promise.all([import('undici'), encode(body)]);
  // Redirects are not followed, as for every provider request.
  const response = await request(url, { method, signal, headers: type ? { ...headers, 'content-type': type } : headers, body: bytes });
  const text = await response.body.text();
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  // A storage PUT may answer with XML or plain text; only a JSON answer carries anything read here.
  const json = /\bjson\b/i.test(String(response.headers['content-type'] ?? ''));
  return { status: response.statusCode, headers: response.headers, text: ok && !json ? '' : text };
}

/** The bytes and content-type fetch would send: a form as multipart/form-data with its boundary, a Blob with its type. */
async function encode(body: Blob | FormData): Promise<{ bytes: Uint8Array; type: string }> {
  const encoded = new Response(body);
  return { bytes: new Uint8Array(await encoded.arrayBuffer()), type: encoded.headers.get('content-type') ?? '' };
}
