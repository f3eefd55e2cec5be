import { MAX_TRIGGER_BYTES } from '../service/index.js';

/** Tunables of the REST face. Plan limits come from the services (`usage.limitsFor`). */
export interface ApiSettings {
  /** Requests per minute per client IP for requests without a valid key (401s, /healthz). */
  anonymousRequestsPerMinute: number;
  /** Largest request body accepted, in bytes (docs/workflow-format.md: 1 MiB). */
  maxBodyBytes: number;
  /** Deepest JSON nesting accepted; a graph needs far less (docs/security.md). */
  maxJsonDepth: number;
  /**
   * Largest webhook trigger body read, in bytes, before it is parsed. The service's rule
   * (`MAX_TRIGGER_BYTES`, on the parsed body) is the default and still applies above it.
   */
  maxTriggerBodyBytes: number;
  /**
   * Triggers per minute of one webhook, on top of its owner's executions per minute: one leaked
   * or looping webhook cannot spend more than this of the owner's budget.
   */
  webhookTriggersPerMinute: number;
}

export const DEFAULT_API_SETTINGS: ApiSettings = {
  anonymousRequestsPerMinute: 60,
  maxBodyBytes: 1024 * 1024,
  maxJsonDepth: 64,
  maxTriggerBodyBytes: MAX_TRIGGER_BYTES,
  webhookTriggersPerMinute: 10,
};

export function apiSettings(overrides: Partial<ApiSettings> = {}): ApiSettings {
  const settings = { ...DEFAULT_API_SETTINGS, ...overrides };
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value <= 0) throw new TypeError(`ApiSettings.${name} must be a positive integer, got ${String(value)}`);
  }
  return settings;
}

/** Every route lives under this prefix (docs/api.md). */
export const BASE_PATH = '/api/v1';
