import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StoredFile } from './fal-storage-fake.js';
import { sendJson as json, startRawServer } from './raw-server.js';

export interface ReplicateFilesFake {
  /** The API base to configure (REPLICATE_API_URL): files here, everything else passed on to the predictions stand-in. */
  apiUrl: string;
  /** Each file created: the form's parts as Replicate reads them, and the auth header. */
  created: { fields: string[]; fileName: string; contentType: string; bytes: number; authorization: string | undefined }[];
  /** Uploaded files by their `urls.get`. */
  files: Map<string, StoredFile>;
  close(): Promise<void>;
}

/**
 * Replicate's Files API (https://sdks.replicate.com/resources/files/methods/create) in front of
 * a predictions stand-in on another port, as both live under one API base at Replicate: POST
 * /v1/files takes a multipart form whose `content` part is the file (its type and file name) and
 * answers the file object; GET /v1/files/{id} answers it again. Other requests are passed on.
 */
export async function startReplicateFilesFake(token: string, predictionsUrl: string): Promise<ReplicateFilesFake> {
  const created: ReplicateFilesFake['created'] = [];
  const files = new Map<string, StoredFile>();
  const objects = new Map<string, unknown>();

  const server = await startRawServer((req, res, bytes, base) => {
    const path = new URL(req.url ?? '/', base).pathname;
    if (!path.startsWith('/v1/files')) return passOn(req, res, bytes);
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { title: 'Unauthenticated', status: 401, detail: 'Invalid token' });
    if (req.method === 'POST' && path === '/v1/files') return create(req, res, bytes, base);
    const object = objects.get(`${base}${path}`);
    if (req.method === 'GET' && object) return json(res, 200, object);
    json(res, 404, { detail: 'Not found.' });
  });

  async function create(req: IncomingMessage, res: ServerResponse, bytes: Buffer, base: string): Promise<void> {
    const form = await new Request(`${base}/v1/files`, { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: bytes })
      .formData()
      .catch(() => undefined);
    const content = form?.get('content');
    if (!form || !(content instanceof Blob) || !(content as File).name) {
      return json(res, 422, { title: 'Invalid input', status: 422, detail: '- content: Required (a file part with a filename)' });
    }
    const file = { bytes: Buffer.from(await content.arrayBuffer()), contentType: content.type || 'application/octet-stream' };
    const id = `file${created.length + 1}`;
    const get = `${base}/v1/files/${id}`;
    created.push({
      fields: [...form.keys()],
      fileName: (content as File).name,
      contentType: file.contentType,
      bytes: file.bytes.byteLength,
      authorization: req.headers.authorization,
    });
    files.set(get, file);
    const object = {
      id,
      checksums: {},
      content_type: file.contentType,
      created_at: '2025-01-01T00:00:00.000Z',
      expires_at: '2025-01-02T00:00:00.000Z',
      metadata: {},
      size: file.bytes.byteLength,
      urls: { get },
    };
    objects.set(get, object);
    json(res, 201, object);
  }

  async function passOn(req: IncomingMessage, res: ServerResponse, bytes: Buffer): Promise<void> {
    const headers: Record<string, string> = {};
    for (const name of ['authorization', 'content-type']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
    const answer = await fetch(`${predictionsUrl}${req.url}`, { method: req.method ?? 'GET', headers, ...(bytes.byteLength ? { body: bytes } : {}) });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
  }

  return { apiUrl: `${server.url}/v1`, created, files, close: server.close };
}
