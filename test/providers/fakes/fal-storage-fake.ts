import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson as json, startRawServer } from './raw-server.js';

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

export interface FalStorageFake {
  /** The REST base to configure (FAL_REST_URL). */
  url: string;
  counters: { initiates: number; puts: number; parts: number; completes: number; downloads: number };
  /** What each initiate asked for, and the auth header it came with. */
  initiated: { path: string; body: unknown; authorization: string | undefined }[];
  /** Every PUT of bytes (whole files and parts), with the headers the storage saw. */
  uploads: { contentType: string | undefined; authorization: string | undefined; bytes: number }[];
  /** Uploaded files by file URL. */
  files: Map<string, StoredFile>;
  /** Answers the next `times` initiates with `status` instead of handling them. */
  failNextInitiate(status: number, times?: number): void;
  /** Refuses the next PUT to a signed URL with `status` and a message that repeats the URL, signature and all, as a storage's signature mismatch does. */
  failNextPut(status: number): void;
  close(): Promise<void>;
}

/**
 * fal storage as fal's client uses it (fal-ai/fal-js, libs/client/src/storage.ts): an initiate
 * with the key answers a signed `upload_url` and the `file_url`; a PUT there stores the bytes,
 * which are then served at `file_url`. Multipart: initiate-multipart, `PUT {upload_url}/{n}`
 * answering `{partNumber, etag}`, then `POST {upload_url}/complete` with the parts in order. A
 * request to a signed URL with the key, or without the signature, is refused.
 */
export async function startFalStorageFake(apiKey: string): Promise<FalStorageFake> {
  const counters = { initiates: 0, puts: 0, parts: 0, completes: 0, downloads: 0 };
  const initiated: FalStorageFake['initiated'] = [];
  const uploads: FalStorageFake['uploads'] = [];
  const files = new Map<string, StoredFile>();
  const pending = new Map<string, { fileUrl: string; contentType: string; parts: Map<number, Buffer> }>();
  const faults: number[] = [];
  const putFaults: number[] = [];

  const server = await startRawServer((req, res, bytes, base) => {
    const url = new URL(req.url ?? '/', base);
    const [first, id, step] = url.pathname.split('/').filter(Boolean);
    if (req.method === 'POST' && url.pathname.startsWith('/storage/upload/initiate')) return initiate(req, res, url, bytes, base);
    if (req.method === 'GET' && first === 'files') return download(res, `${base}${url.pathname}`);
    const upload = id === undefined ? undefined : pending.get(id);
    if (!upload || url.searchParams.get('sig') !== `sig-${id}` || req.headers.authorization !== undefined) return json(res, 403, { detail: 'Forbidden' });
    const putFault = req.method === 'PUT' ? putFaults.shift() : undefined;
    if (putFault !== undefined) return json(res, putFault, { detail: `The request signature does not match for PUT ${req.url}` });
    if (req.method === 'PUT' && first === 'upload' && step === undefined) {
      counters.puts++;
      record(req, bytes);
      files.set(upload.fileUrl, { bytes, contentType: req.headers['content-type'] ?? upload.contentType });
      return void res.writeHead(200).end();
    }
    if (req.method === 'PUT' && first === 'multipart' && /^\d+$/.test(step ?? '')) {
      counters.parts++;
      record(req, bytes);
      upload.parts.set(Number(step), bytes);
      return json(res, 200, { partNumber: Number(step), etag: `etag-${step}` });
    }
    if (req.method === 'POST' && first === 'multipart' && step === 'complete') return complete(res, upload, bytes);
    return json(res, 404, { detail: 'Not Found' });
  });

  function initiate(req: IncomingMessage, res: ServerResponse, url: URL, bytes: Buffer, base: string) {
    counters.initiates++;
    const request = parsed(bytes) as { content_type?: unknown; file_name?: unknown } | undefined;
    initiated.push({ path: `${url.pathname}${url.search}`, body: request, authorization: req.headers.authorization });
    const fault = faults.shift();
    if (fault !== undefined) return json(res, fault, { detail: `injected ${fault}` });
    if (req.headers.authorization !== `Key ${apiKey}`) return json(res, 401, { detail: `Invalid credentials: ${req.headers.authorization ?? 'none'}` });
    const multipart = url.pathname === '/storage/upload/initiate-multipart';
    if ((!multipart && url.pathname !== '/storage/upload/initiate') || url.searchParams.get('storage_type') !== 'fal-cdn-v3') {
      return json(res, 404, { detail: 'Not Found' });
    }
    if (typeof request?.content_type !== 'string' || typeof request.file_name !== 'string' || Object.keys(request).length !== 2) {
      return json(res, 422, { detail: [{ loc: ['body'], msg: 'content_type and file_name are required', type: 'value_error' }] });
    }
    const id = `up${counters.initiates}`;
    const fileUrl = `${base}/files/${id}/${encodeURIComponent(request.file_name)}`;
    pending.set(id, { fileUrl, contentType: request.content_type, parts: new Map() });
    json(res, 200, { upload_url: `${base}/${multipart ? 'multipart' : 'upload'}/${id}?sig=sig-${id}`, file_url: fileUrl });
  }

  function complete(res: ServerResponse, upload: { fileUrl: string; contentType: string; parts: Map<number, Buffer> }, bytes: Buffer) {
    counters.completes++;
    const parts = (parsed(bytes) as { parts?: { partNumber: number; etag: string }[] } | undefined)?.parts ?? [];
    const inOrder = parts.every((part, index) => part.partNumber === index + 1 && part.etag === `etag-${index + 1}`);
    if (!inOrder || parts.length !== upload.parts.size) return json(res, 400, { detail: 'Parts missing or out of order' });
    files.set(upload.fileUrl, { bytes: Buffer.concat(parts.map((part) => upload.parts.get(part.partNumber)!)), contentType: upload.contentType });
    json(res, 200, {});
  }

  function download(res: ServerResponse, fileUrl: string) {
    const file = files.get(fileUrl);
    if (!file) return json(res, 404, { detail: 'Not Found' });
    counters.downloads++;
    res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes);
  }

  function record(req: IncomingMessage, bytes: Buffer): void {
    uploads.push({ contentType: req.headers['content-type'], authorization: req.headers.authorization, bytes: bytes.byteLength });
  }

  return {
    url: server.url,
    counters,
    initiated,
    uploads,
    files,
    failNextInitiate: (status, times = 1) => faults.push(...Array.from({ length: times }, () => status)),
    failNextPut: (status) => putFaults.push(status),
    close: server.close,
  };
}

function parsed(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}
