import { describe, expect, it } from 'vitest';
import { providerSettingsFromEnv } from '../../src/providers/index.js';

describe('providerSettingsFromEnv', () => {
  it('configures nothing from an empty environment, and treats blank values as unset', () => {
    expect(providerSettingsFromEnv({})).toEqual({});
    expect(providerSettingsFromEnv({ FAL_KEY: '  ', OPENAI_API_KEY: '' })).toEqual({});
  });

  it('reads each provider with its default base URL', () => {
    expect(providerSettingsFromEnv({ FAL_KEY: 'f', REPLICATE_API_TOKEN: 'r', OPENAI_API_KEY: 'o', ANTHROPIC_API_KEY: 'a' })).toEqual({
      fal: { apiKey: 'f', queueUrl: 'https://queue.fal.run' },
      replicate: { apiToken: 'r', apiUrl: 'https://api.replicate.com/v1' },
      openai: { apiKey: 'o', baseUrl: 'https://api.openai.com/v1', source: 'OPENAI_API_KEY' },
      anthropic: { apiKey: 'a', baseUrl: 'https://api.anthropic.com' },
    });
  });

  it('takes base URL overrides without a trailing slash', () => {
    const settings = providerSettingsFromEnv({
      FAL_KEY: 'f',
      FAL_QUEUE_URL: 'http://127.0.0.1:9/',
      REPLICATE_API_TOKEN: 'r',
      REPLICATE_API_URL: 'http://127.0.0.1:8/v1/',
      ANTHROPIC_API_KEY: 'a',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:7',
    });
    expect(settings.fal?.queueUrl).toBe('http://127.0.0.1:9');
    expect(settings.replicate?.apiUrl).toBe('http://127.0.0.1:8/v1');
    expect(settings.anthropic?.baseUrl).toBe('http://127.0.0.1:7');
  });

  it('picks the OpenAI-compatible server by precedence: OPENAI_API_KEY, OPENAI_BASE_URL, OPENROUTER_API_KEY, OLLAMA_HOST', () => {
    const all = { OPENAI_API_KEY: 'o', OPENAI_BASE_URL: 'http://vllm:8000/v1', OPENROUTER_API_KEY: 'or', OLLAMA_HOST: 'localhost:11434' };
    expect(providerSettingsFromEnv(all).openai).toEqual({ apiKey: 'o', baseUrl: 'http://vllm:8000/v1', source: 'OPENAI_API_KEY' });
    expect(providerSettingsFromEnv({ ...all, OPENAI_API_KEY: undefined }).openai).toEqual({ baseUrl: 'http://vllm:8000/v1', source: 'OPENAI_BASE_URL' });
    expect(providerSettingsFromEnv({ OPENROUTER_API_KEY: 'or', OLLAMA_HOST: 'x' }).openai).toEqual({
      apiKey: 'or',
      baseUrl: 'https://openrouter.ai/api/v1',
      source: 'OPENROUTER_API_KEY',
    });
    expect(providerSettingsFromEnv({ OLLAMA_HOST: 'localhost:11434' }).openai).toEqual({ baseUrl: 'http://localhost:11434/v1', source: 'OLLAMA_HOST' });
    expect(providerSettingsFromEnv({ OLLAMA_HOST: 'https://gpu.internal:11434/' }).openai?.baseUrl).toBe('https://gpu.internal:11434/v1');
  });
});
