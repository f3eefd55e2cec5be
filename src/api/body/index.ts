import type { MiddlewareHandler } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import { formatTextPath, illFormedTextAt } from '../../graph/index.js';
import type { AppEnv } from '../env.js';
import { jsonDepth } from './json-depth.js';
import { readLimited } from './read-limited.js';

interface JsonBodyOptions {
  maxBytes: number;
  maxDepth: number;
}

/** `application/json` or any `application/*+json`, whatever its parameters. */
function isJsonMediaType(contentType: string | undefined): boolean {
  const essence = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || (essence.startsWith('application/') && essence.endsWith('+json'));
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new PipewrightError('invalid_json', 'Request body is not valid UTF-8');
  }
}

function parseJson(text: string, maxDepth: number): unknown {
  if (jsonDepth(text) > maxDepth) throw new PipewrightError('json_too_deep', `Request body nests deeper than ${maxDepth} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new PipewrightError('invalid_json', `Request body is not valid JSON: ${(error as Error).message}`);
  }
  // Valid UTF-8 holds no lone surrogate: only a \uD800–\uDFFF escape can make one.
  const at = /\\u[dD][89a-fA-F]/.test(text) ? illFormedTextAt(value) : undefined;
  if (at !== undefined) {
    const field = formatTextPath(at);
    throw new PipewrightError(
      'invalid_field',
      `${field}: text must be well-formed UTF-16; a lone surrogate (an unpaired \\uD800–\\uDFFF escape) cannot be stored as sent`,
      {
        details: { field },
      },
    );
  }
  return value;
}

/**
 * Route middleware for POST/PUT/PATCH: sets `body` to the parsed JSON, or undefined when the
 * request has no body (routes whose body is optional accept that; the services reject it where
 * one is needed). Runs after `requireKey`, so an anonymous caller never gets a body read.
 */
export function jsonBody(options: JsonBodyOptions): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bytes = await readLimited(c.req.raw, options.maxBytes);
    if (bytes.byteLength === 0) {
      c.set('body', undefined);
      c.set('bodyText', '');
    } else if (!isJsonMediaType(c.req.header('Content-Type'))) {
      throw new PipewrightError('unsupported_media_type', 'Request bodies must be JSON: send Content-Type: application/json');
    } else {
      const text = decode(bytes);
      c.set('body', parseJson(text, options.maxDepth));
      c.set('bodyText', text);
    }
    await next();
  };
}
