import { isPipewrightError, type PipewrightError } from '../../src/errors/index.js';
import {
  createHttpClient,
  createProviders,
  type HttpClient,
  type ProviderAdapter,
  type ProviderCallContext,
  type ProviderId,
  type ProviderSettings,
} from '../../src/providers/index.js';

export interface RecordingContext extends ProviderCallContext {
  controller: AbortController;
  remembered: string[];
  logs: string[];
  progressReports: string[];
}

/** A call context that records what the adapter reported; `overrides` may replace any hook. */
export function callContext(overrides: Partial<ProviderCallContext> = {}): RecordingContext {
  const controller = new AbortController();
  const remembered: string[] = [];
  const logs: string[] = [];
  const progressReports: string[] = [];
  return {
    signal: controller.signal,
    rememberJob: async (id) => void remembered.push(id),
    log: (message) => void logs.push(message),
    progress: (_fraction, message) => void progressReports.push(message ?? ''),
    ...overrides,
    controller,
    remembered,
    logs,
    progressReports,
  };
}

/** Adapters with millisecond retries and polls, each set on its own HTTP client. */
export function fastAdapter(id: ProviderId, settings: ProviderSettings, http: HttpClient = createHttpClient()): ProviderAdapter {
  const adapters = createProviders(settings, {
    http,
    retry: { retries: 2, minDelayMs: 5, maxDelayMs: 20, maxRetryAfterMs: 5_000 },
    poll: { initialMs: 5, factor: 1.5, maxMs: 20 },
    cancelTimeoutMs: 1_000,
  });
  return adapters.get(id)!;
}

export async function rejection(promise: Promise<unknown>): Promise<PipewrightError> {
  try {
    await promise;
  } catch (error) {
    if (isPipewrightError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}
