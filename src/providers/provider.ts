/**
 * One adapter per provider protocol (fal queue, Replicate predictions, OpenAI-compatible,
 * Anthropic messages). Model node types never speak HTTP themselves: they build a request, hand
 * it to the adapter named in their catalog entry, and normalise what comes back.
 */
export const PROVIDER_IDS = ['fal', 'replicate', 'openai', 'anthropic'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderCall {
  /**
   * What to call, in the provider's own terms: a fal endpoint id (`fal-ai/flux-2`), a Replicate
   * model (`black-forest-labs/flux-1.1-pro`) or version, an OpenAI-compatible operation plus
   * model (`chat:gpt-4o-mini`, `images:gpt-image-1`), an Anthropic model (`claude-sonnet-4-5`).
   */
  endpoint: string;
  /** The request body the provider documents for that endpoint. */
  input: Record<string, unknown>;
}

export interface ProviderCallContext {
  /** Cancel and timeout: an adapter stops waiting AND asks the provider to cancel a remote job. */
  signal: AbortSignal;
  /** A job this call started before the process stopped: poll it rather than submit again. */
  previousJobId?: string;
  /** Called as soon as the provider accepted a job, before waiting on it. */
  rememberJob(jobId: string): Promise<void>;
  progress(fraction: number, message?: string): void;
  log(message: string): void;
}

/** The provider's raw result (its documented JSON), plus the job id when there was one. */
export interface ProviderResult {
  output: unknown;
  jobId?: string;
}

export interface ProviderAdapter {
  id: ProviderId;
  /** The environment variables that configure it, named in `provider_not_configured` errors. */
  requiredEnv: readonly string[];
  configured(): boolean;
  call(request: ProviderCall, ctx: ProviderCallContext): Promise<ProviderResult>;
  /** Puts a local file where the provider reads files from and answers the URL to send; absent where the API takes files inline. */
  upload?(file: ProviderFile, signal: AbortSignal): Promise<string>;
}

/** A file to hand to a provider: its bytes, their content type, and the name it is stored under. */
export interface ProviderFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}
