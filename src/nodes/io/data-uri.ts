import { PipewrightError } from '../../errors/index.js';

const DATA_URI = /^data:([^,]*),(.*)$/is;
const BASE64 = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** Decodes an RFC 2397 `data:` URI, refusing one whose bytes would exceed `maxBytes` before decoding it. */
export function decodeDataUri(uri: string, maxBytes: number): { bytes: Uint8Array; contentType: string | undefined } {
  const match = DATA_URI.exec(uri);
  if (!match) throw invalidDataUri('it has no comma between the header and the data');
  const [mediaType = '', ...parameters] = (match[1] ?? '').split(';');
  const data = match[2] ?? '';
  const isBase64 = parameters.some((p) => p.trim().toLowerCase() === 'base64');
  // Percent-encoding and base64 only ever shrink, so this bound is safe to check before decoding.
  const upperBound = isBase64 ? Math.floor((data.length * 3) / 4) : data.length;
  if (upperBound > maxBytes) {
    throw new PipewrightError('media_too_large', `The data URI holds more than the ${maxBytes}-byte limit`, {
      details: { maxBytes },
    });
  }
  return { bytes: isBase64 ? decodeBase64(data) : decodePercent(data), contentType: mediaType.trim() || undefined };
}

function decodeBase64(data: string): Uint8Array {
  const compact = data.replace(/\s+/g, '');
  if (!BASE64.test(compact)) throw invalidDataUri('its data is not valid base64');
  return Buffer.from(compact, 'base64');
}

function decodePercent(data: string): Uint8Array {
  try {
    return Buffer.from(decodeURIComponent(data), 'utf8');
  } catch {
    throw invalidDataUri('its data has a broken %-escape');
  }
}

function invalidDataUri(reason: string): PipewrightError {
  return new PipewrightError('invalid_data_uri', `Not a valid data URI: ${reason}`);
}
