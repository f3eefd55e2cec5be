import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';
import { guardedFetch, type GuardedResponse } from '../../net/index.js';
import { toText } from '../support/coerce.js';
import { invalidInput } from '../support/invalid-input.js';
import { defineNodeType } from '../node-type.js';

// RFC 9110 token: what a header name may contain.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const settings = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']).default('GET').describe('The HTTP method.'),
  headers: z
    .record(z.string().regex(HEADER_NAME, 'not a valid header name'), z.string())
    .default({})
    .describe('Request headers, e.g. {"accept": "application/json"}. Never put secrets in a workflow.'),
  responseType: z
    .enum(['auto', 'json', 'text'])
    .default('auto')
    .describe('How to read the body: auto parses JSON when the response says it is JSON, else returns text.'),
});

type Settings = z.infer<typeof settings>;

export const httpRequest = defineNodeType<Settings>({
  nodeType: 'utility:http_request',
  label: 'HTTP request',
  category: 'utility',
  description:
    'Calls a web API or fetches a page and outputs the status, headers and body (parsed when it is JSON). ' +
    'Rate limits (429) and server errors (5xx) are retried; other 4xx fail the node. In server mode, internal addresses are refused unless the operator allows them. ' +
    'A dry run sends GET and HEAD for real (they only read) and answers any other method with a placeholder, so it changes nothing anywhere.',
  config: settings,
  inputs: [
    { name: 'url', type: 'text', required: true, description: 'The http(s) URL; wire it or set it in the config.' },
    { name: 'body', type: 'json', description: 'Sent as JSON; text is sent as is. Not allowed with GET or HEAD.' },
  ],
  outputs: [
    { name: 'status', type: 'number', description: 'The HTTP status code.' },
    { name: 'body', type: 'any', description: 'The response body: parsed JSON or text.' },
    { name: 'headers', type: 'json', description: 'Response headers, lower-case names.' },
  ],
  cost: () => 0,
  // Above the default fetch timeout, so a slow server surfaces as a retryable fetch_timeout.
  timeoutMs: 60_000,
  cacheable: false,
  async run({ settings, inputs, policy, signal }) {
    const url = toText(inputs.url, 'The URL');
    const response = await guardedFetch(url, { policy, signal, method: settings.method, ...requestBody(settings, inputs.body) });
    if (response.status === 429 || response.status >= 500) throw upstreamError(response, true);
    if (response.status >= 400) throw upstreamError(response, false);
    return { status: response.status, headers: response.headers, body: readBody(response, settings.responseType) };
  },
  async dryRun(ctx) {
    if (ctx.settings.method === 'GET' || ctx.settings.method === 'HEAD') return this.run(ctx);
    const url = toText(ctx.inputs.url, 'The URL');
    return { status: 0, headers: {}, body: { dryRun: true, method: ctx.settings.method, url, body: ctx.inputs.body ?? null } };
  },
});

function requestBody(settings: Settings, body: unknown): { headers: Record<string, string>; body?: string } {
  if (body === undefined || body === null) return { headers: settings.headers };
  if (settings.method === 'GET' || settings.method === 'HEAD') throw invalidInput(`A ${settings.method} request cannot send a body`);
  const isText = typeof body === 'string';
  const named = Object.keys(settings.headers).some((name) => name.toLowerCase() === 'content-type');
  const contentType = isText ? 'text/plain; charset=utf-8' : 'application/json';
  return { headers: named ? settings.headers : { ...settings.headers, 'content-type': contentType }, body: isText ? body : JSON.stringify(body) };
}

function readBody(response: GuardedResponse, responseType: Settings['responseType']): unknown {
  const text = new TextDecoder().decode(response.body);
  const declaredJson = /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers['content-type'] ?? '');
  if (responseType === 'text' || (responseType === 'auto' && !declaredJson) || text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new PipewrightError('invalid_response', `${new URL(response.url).host} answered with a body that is not valid JSON`, {
      details: { status: response.status },
    });
  }
}

function upstreamError(response: GuardedResponse, transient: boolean): PipewrightError {
  const excerpt = new TextDecoder().decode(response.body.subarray(0, 300)).trim();
  return new PipewrightError('upstream_error', `${new URL(response.url).host} answered ${response.status}${excerpt ? `: ${excerpt}` : ''}`, {
    transient,
    details: { status: response.status, ...(response.headers['retry-after'] ? { retryAfter: response.headers['retry-after'] } : {}) },
  });
}
