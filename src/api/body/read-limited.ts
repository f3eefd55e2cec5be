import { PipewrightError } from '../../errors/index.js';

function tooLarge(maxBytes: number): PipewrightError {
  return new PipewrightError('body_too_large', `Request body exceeds ${maxBytes} bytes`, { details: { maxBytes } });
}

/**
 * Reads a request body, refusing it from its declared length or as soon as the bytes streamed
 * pass `maxBytes` — never holding more than the limit in memory.
 */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (request.body === null) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}
