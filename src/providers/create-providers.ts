import type { AdapterDeps } from './adapter-deps.js';
import { createAnthropicAdapter } from './anthropic.js';
import { createFalAdapter } from './fal.js';
import { createHttpClient, type HttpClient } from './http/client.js';
import { DEFAULT_PROVIDER_RETRY, type ProviderRetrySettings } from './http/transport.js';
import { DEFAULT_POLL, type PollSettings } from './jobs/poll.js';
import { createOpenAiAdapter } from './openai.js';
import type { ProviderAdapter, ProviderId } from './provider.js';
import { createReplicateAdapter } from './replicate.js';
import type { ProviderSettings } from './settings.js';
import { falStorageUpload } from './uploads/fal-storage.js';
import { withFileBodies } from './uploads/file-bodies.js';
import { replicateFilesUpload } from './uploads/replicate-files.js';

export interface ProviderOptions {
  /** Defaults to one keep-alive undici client shared by every adapter. */
  http?: HttpClient;
  retry?: Partial<ProviderRetrySettings>;
  poll?: Partial<PollSettings>;
  /** Bound on the best-effort cancel sent after an abort. Default 5 s. */
  cancelTimeoutMs?: number;
}

/** Every adapter, configured or not: an unconfigured one refuses calls with `provider_not_configured`. */
export function createProviders(settings: ProviderSettings, options: ProviderOptions = {}): Map<ProviderId, ProviderAdapter> {
  const deps: AdapterDeps = {
    http: options.http ?? createHttpClient(),
    retry: { ...DEFAULT_PROVIDER_RETRY, ...options.retry },
    jobs: { poll: { ...DEFAULT_POLL, ...options.poll }, cancelTimeoutMs: options.cancelTimeoutMs ?? 5_000 },
  };
  const uploads: AdapterDeps = { ...deps, http: withFileBodies(deps.http) };
  const adapters = [
    withUpload(createFalAdapter(settings.fal, deps), settings.fal && falStorageUpload(settings.fal, uploads)),
    withUpload(createReplicateAdapter(settings.replicate, deps), settings.replicate && replicateFilesUpload(settings.replicate, uploads)),
    // OpenAI and Anthropic take images inline (data URIs, base64 blocks) or by public URL: no upload.
    createOpenAiAdapter(settings.openai, deps),
    createAnthropicAdapter(settings.anthropic, deps),
  ];
  return new Map(adapters.map((adapter) => [adapter.id, adapter]));
}

/** fal and Replicate read local files from their own storage, where they are uploaded first (docs/providers.md, "Files"). */
function withUpload(adapter: ProviderAdapter, upload: ProviderAdapter['upload']): ProviderAdapter {
  return upload ? { ...adapter, upload } : adapter;
}
