import { PipewrightError } from '../errors/index.js';
import type { AdapterDeps } from './adapter-deps.js';
import { notConfigured } from './errors.js';
import { createProviderTransport } from './http/transport.js';
import type { ProviderAdapter, ProviderCall } from './provider.js';
import type { OpenAiSettings } from './settings.js';

/**
 * OpenAI-compatible APIs (OpenAI, OpenRouter, Ollama, vLLM, LM Studio). The endpoint names the
 * operation and the model: `chat:<model>` → POST {base}/chat/completions
 * (https://platform.openai.com/docs/api-reference/chat/create), `images:<model>` → POST
 * {base}/images/generations (https://platform.openai.com/docs/api-reference/images/create).
 * Both answer synchronously, so the caller's signal simply aborts the request.
 */
const OPERATIONS: Record<string, string> = { chat: '/chat/completions', images: '/images/generations' };

export function createOpenAiAdapter(settings: OpenAiSettings | undefined, deps: AdapterDeps): ProviderAdapter {
  const transport =
    settings &&
    createProviderTransport({
      provider: 'openai',
      http: deps.http,
      // Keyless servers (Ollama, local vLLM) get no Authorization header at all.
      headers: settings.apiKey === undefined ? {} : { authorization: `Bearer ${settings.apiKey}` },
      secrets: settings.apiKey === undefined ? [] : [settings.apiKey],
      retry: deps.retry,
    });
  return {
    id: 'openai',
    requiredEnv: ['OPENAI_API_KEY', 'OPENROUTER_API_KEY', 'OLLAMA_HOST'],
    configured: () => settings !== undefined,
    async call(request, ctx) {
      if (!settings || !transport) {
        throw notConfigured(
          'openai',
          'Set OPENAI_API_KEY (optionally with OPENAI_BASE_URL), OPENROUTER_API_KEY or OLLAMA_HOST to use OpenAI-compatible models',
        );
      }
      const { path, model } = operation(request);
      // Results are read whole: a streamed answer would arrive as server-sent events, not JSON.
      const body = path === OPERATIONS.chat ? { ...request.input, model, stream: false } : { ...request.input, model };
      return { output: await transport.json({ method: 'POST', url: `${settings.baseUrl}${path}`, body, signal: ctx.signal }) };
    },
  };
}

function operation({ endpoint }: ProviderCall): { path: string; model: string } {
  const colon = endpoint.indexOf(':');
  const path = OPERATIONS[endpoint.slice(0, colon)];
  const model = endpoint.slice(colon + 1);
  if (colon < 0 || path === undefined || model === '') {
    throw new PipewrightError('provider_endpoint_invalid', `"${endpoint}" is not an OpenAI-compatible endpoint (chat:<model> or images:<model>)`);
  }
  return { path, model };
}
