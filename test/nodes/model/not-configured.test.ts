import { describe, expect, it } from 'vitest';
import { createBuiltinRegistry } from '../../../src/nodes/index.js';
import { assertProvidersConfigured, missingProviders, providerWarnings } from '../../../src/nodes/model/index.js';
import type { ProviderAdapter, ProviderId } from '../../../src/providers/index.js';
import { caught } from '../context.js';
import { fakeAdapter, unconfigured } from './fake-adapter.js';

const graph = {
  nodes: [
    { id: 'idea', data: { nodeType: 'input:text', config: { prompt: 'x' } } },
    { id: 'rewrite', data: { nodeType: 'llm:prompt-rewrite' } },
    { id: 'img', data: { nodeType: 'generate:flux-2' } },
    { id: 'cut', data: { nodeType: 'generate:birefnet' } },
  ],
};
const providers = new Map<ProviderId, ProviderAdapter>([
  ['fal', unconfigured('fal', ['FAL_KEY'])],
  ['openai', unconfigured('openai', ['OPENAI_API_KEY', 'OPENROUTER_API_KEY', 'OLLAMA_HOST'])],
]);
const registry = createBuiltinRegistry({ providers });

describe('providers that are not configured', () => {
  it('are found per model node, aliases included, with the variables that configure them', () => {
    expect(missingProviders(graph, registry, providers)).toEqual([
      { nodeId: 'rewrite', nodeType: 'llm:prompt-rewrite', provider: 'openai', env: ['OPENAI_API_KEY', 'OPENROUTER_API_KEY', 'OLLAMA_HOST'] },
      { nodeId: 'img', nodeType: 'generate:flux-2', provider: 'fal', env: ['FAL_KEY'] },
      { nodeId: 'cut', nodeType: 'generate:birefnet', provider: 'fal', env: ['FAL_KEY'] },
    ]);
  });

  it('become validation warnings in the violation shape', () => {
    const [warning] = providerWarnings(missingProviders(graph, registry, providers).slice(1, 2));
    expect(warning).toMatchObject({ rule: 'provider-not-configured', nodeId: 'img' });
    expect(warning!.message).toContain('set FAL_KEY');
    expect(warning!.fix).toContain('dryRun');
  });

  it('refuse execution before anything runs, naming each provider once with its variables', async () => {
    const error = await caught(Promise.resolve().then(() => assertProvidersConfigured(graph, registry, providers)));
    expect(error).toMatchObject({ code: 'provider_not_configured', kind: 'user' });
    expect(error.message).toContain('fal (set FAL_KEY)');
    expect(error.message).toContain('openai (set one of OPENAI_API_KEY, OPENROUTER_API_KEY, OLLAMA_HOST)');
    expect(error.details.nodes).toEqual(['rewrite', 'img', 'cut']);
  });

  it('are nothing to report once configured', () => {
    const ready = new Map<ProviderId, ProviderAdapter>([
      ['fal', fakeAdapter('fal', {})],
      ['openai', fakeAdapter('openai', {})],
    ]);
    expect(missingProviders(graph, registry, ready)).toEqual([]);
    expect(() => assertProvidersConfigured(graph, registry, ready)).not.toThrow();
  });
});
