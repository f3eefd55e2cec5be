import type { AdapterDeps } from './adapter-deps.js';
import { httpError, notConfigured } from './errors.js';
import { createProviderTransport } from './http/transport.js';
import type { ProviderAdapter } from './provider.js';
import type { ProviderSettings } from './settings.js';

/**
 * Anthropic Messages API: POST {base}/v1/messages with `x-api-key` and `anthropic-version:
 * 2023-06-01`; `model`, `messages` and `max_tokens` are required
 * (https://platform.claude.com/docs/en/api/java/messages/create). ANTHROPIC_BASE_URL is the host without `/v1`, as in Anthropic's own SDKs. Errors are
 * `{type:"error", error:{type, message}}`; 529 `overloaded_error` is retried like any 5xx
 * (https://platform.claude.com/docs/en/api/errors).
 */
export const ANTHROPIC_VERSION = '2023-06-01';

export function createAnthropicAdapter(settings: ProviderSettings['anthropic'], deps: AdapterDeps): ProviderAdapter {
  const transport =
    settings &&
    createProviderTransport({
      provider: 'anthropic',
      http: deps.http,
      headers: { 'x-api-key': settings.apiKey, 'anthropic-version': ANTHROPIC_VERSION },
      secrets: [settings.apiKey],
      retry: deps.retry,
    });
  return {
    id: 'anthropic',
    requiredEnv: ['ANTHROPIC_API_KEY'],
    configured: () => settings !== undefined,
    async call(request, ctx) {
      if (!settings || !transport) throw notConfigured('anthropic', 'Set ANTHROPIC_API_KEY to use Anthropic models');
      // Refused here rather than paid for in a round trip: the API requires it.
      if (typeof request.input.max_tokens !== 'number') {
        throw httpError({ provider: 'anthropic', status: 400, text: 'max_tokens is required by the Messages API' });
      }
      const body = { ...request.input, model: request.endpoint, stream: false };
      return { output: await transport.json({ method: 'POST', url: `${settings.baseUrl}/v1/messages`, body, signal: ctx.signal }) };
    },
  };
}
