import { PipewrightError } from '../errors/index.js';
import { fetchFailure } from './fetch-errors.js';
import { agentFor } from './guarded-agent.js';
import type { SecurityPolicy } from './policy.js';
import { readCapped, responseTooLarge } from './read-body.js';
import { nextHop, type Hop } from './redirect.js';
import { assertAllowedLiteral, parseTarget } from './target.js';

export interface GuardedFetchOptions {
  policy: SecurityPolicy;
  /** Cancels the whole exchange, redirects and body included; its reason is what rejects. */
  signal?: AbortSignal;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A lower cap than `policy.maxResponseBytes`; the policy's cap always applies. */
  maxResponseBytes?: number;
  /** false: a redirect is answered as it came (a completion callback follows none); default true. */
  followRedirects?: boolean;
}

export interface GuardedResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** The URL after redirects. */
  url: string;
}

/**
 * Fetches an http(s) URL under a security policy (docs/security.md): internal addresses refused unless
 * allowed (each redirect hop re-checked), one timeout for the whole exchange, a size cap on the
 * body. Any status comes back as a response — 4xx and 5xx are for the caller to judge.
 */
export async function guardedFetch(url: string, options: GuardedFetchOptions): Promise<GuardedResponse> {
  const { policy } = options;
  const [{ request }, dispatcher] = await Promise.all([import('undici'), agentFor(policy)]);
  let hop: Hop = { url: parseTarget(url), method: (options.method ?? 'GET').toUpperCase(), headers: options.headers ?? {}, body: options.body };
  const origin = hop.url.host;
  const timeout = AbortSignal.timeout(policy.fetchTimeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const cap = Math.min(options.maxResponseBytes ?? Infinity, policy.maxResponseBytes);
  try {
    for (let redirects = 0; ; redirects++) {
      assertAllowedLiteral(hop.url, policy);
      const response = await request(hop.url, { dispatcher, method: hop.method, headers: hop.headers, body: hop.body ?? null, signal });
      const headers = flattenHeaders(response.headers);
      const next = options.followRedirects === false ? undefined : nextHop(hop, response.statusCode, headers.location);
      if (!next) {
        if (Number(headers['content-length']) > cap) {
          response.body.destroy();
          throw responseTooLarge(hop.url.host, cap);
        }
        return { status: response.statusCode, headers, body: await readCapped(response.body, cap, hop.url.host), url: hop.url.href };
      }
      await response.body.dump();
      if (redirects >= policy.maxRedirects) throw tooManyRedirects(origin, policy.maxRedirects);
      hop = next;
    }
  } catch (error) {
    throw fetchFailure(error, { host: hop.url.host, timeoutMs: policy.fetchTimeoutMs, timeout, callerSignal: options.signal });
  }
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function tooManyRedirects(host: string, limit: number): PipewrightError {
  return new PipewrightError('too_many_redirects', `More than ${limit} redirects fetching from ${host}`, {
    details: { host, maxRedirects: limit },
  });
}
