/**
 * Which providers are configured, read once from the environment. Nothing else in providers/
 * reads `process.env`: adapters get these settings passed in. A missing provider is `undefined`,
 * never a crash — calling it fails with `provider_not_configured`.
 */
export interface ProviderSettings {
  /** `restUrl` (FAL_REST_URL) is fal's REST API, where files are uploaded; unset means `DEFAULT_URLS.falRest`. */
  fal?: { apiKey: string; queueUrl: string; restUrl?: string };
  replicate?: { apiToken: string; apiUrl: string };
  openai?: OpenAiSettings;
  anthropic?: { apiKey: string; baseUrl: string };
}

export interface OpenAiSettings {
  /** Absent for keyless local servers (Ollama, LM Studio, vLLM). */
  apiKey?: string;
  baseUrl: string;
  /** The variable that chose this server, for docs and error messages. */
  source: 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENROUTER_API_KEY' | 'OLLAMA_HOST';
}

export const DEFAULT_URLS = {
  fal: 'https://queue.fal.run',
  falRest: 'https://rest.fal.ai',
  replicate: 'https://api.replicate.com/v1',
  openai: 'https://api.openai.com/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  anthropic: 'https://api.anthropic.com',
} as const;

type Env = Record<string, string | undefined>;

export function providerSettingsFromEnv(env: Env): ProviderSettings {
  const read = (name: string) => nonEmpty(env[name]);
  const settings: ProviderSettings = {};
  const falKey = read('FAL_KEY');
  const falRest = read('FAL_REST_URL');
  if (falKey)
    settings.fal = { apiKey: falKey, queueUrl: baseUrl(read('FAL_QUEUE_URL') ?? DEFAULT_URLS.fal), ...(falRest ? { restUrl: baseUrl(falRest) } : {}) };
  const replicateToken = read('REPLICATE_API_TOKEN');
  if (replicateToken) {
    settings.replicate = { apiToken: replicateToken, apiUrl: baseUrl(read('REPLICATE_API_URL') ?? DEFAULT_URLS.replicate) };
  }
  const openai = openAiFromEnv(read);
  if (openai) settings.openai = openai;
  const anthropicKey = read('ANTHROPIC_API_KEY');
  if (anthropicKey) {
    settings.anthropic = { apiKey: anthropicKey, baseUrl: baseUrl(read('ANTHROPIC_BASE_URL') ?? DEFAULT_URLS.anthropic) };
  }
  return settings;
}

/**
 * Precedence: OPENAI_API_KEY (with OPENAI_BASE_URL or api.openai.com), then OPENAI_BASE_URL alone
 * (a keyless OpenAI-compatible server such as vLLM or LM Studio), then OPENROUTER_API_KEY, then
 * OLLAMA_HOST. The first that is set wins; the others are ignored.
 */
function openAiFromEnv(read: (name: string) => string | undefined): OpenAiSettings | undefined {
  const key = read('OPENAI_API_KEY');
  const base = read('OPENAI_BASE_URL');
  if (key) return { apiKey: key, baseUrl: baseUrl(base ?? DEFAULT_URLS.openai), source: 'OPENAI_API_KEY' };
  if (base) return { baseUrl: baseUrl(base), source: 'OPENAI_BASE_URL' };
  const openRouterKey = read('OPENROUTER_API_KEY');
  if (openRouterKey) return { apiKey: openRouterKey, baseUrl: DEFAULT_URLS.openrouter, source: 'OPENROUTER_API_KEY' };
  const ollama = read('OLLAMA_HOST');
  // Ollama serves the OpenAI-compatible API under /v1 and ignores the key
  // (https://docs.ollama.com/api/openai-compatibility). OLLAMA_HOST is often `host:port` without a scheme.
  if (ollama) return { baseUrl: `${baseUrl(/^https?:\/\//i.test(ollama) ? ollama : `http://${ollama}`)}/v1`, source: 'OLLAMA_HOST' };
  return undefined;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function baseUrl(url: string): string {
  return url.replace(/\/+$/, '');
}
