import { PipewrightError } from '../errors/index.js';

/**
 * Reads a response body, giving up as soon as it passes `cap` bytes rather than after buffering
 * it all. Leaving the loop early destroys the stream, which releases the connection.
 */
export async function readCapped(body: AsyncIterable<Uint8Array>, cap: number, host: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > cap) throw responseTooLarge(host, cap);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export function responseTooLarge(host: string, cap: number): PipewrightError {
  return new PipewrightError('response_too_large', `The response from ${host} is larger than the ${cap}-byte limit`, {
    details: { host, maxResponseBytes: cap },
  });
}
