import { MAX_TRIGGER_BYTES } from '../service/index.js';

/** Tunables of the REST face. Plan limits come from the services (`usage.limitsFor`). */
export interface ApiSettings {
  /** Requests per minute per client IP for requests without a valid key (401s, refused webhook triggers). */
  anonymousRequestsPerMinute: number;
  /**
   * `GET /healthz` per client IP, a budget of its own: a monitor is never throttled because
   * scanners or a client without a key spent the anonymous budget of the same address.
   */
  healthChecksPerMinute: number;
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
   * Runs one webhook may start per minute: its own budget, on top of its owner's executions per
   * minute (a webhook run is an execution), so a leaked webhook is capped below the account's
   * limit; a refused trigger spends neither (the client IP's anonymous budget counts refusals).
   */
  webhookTriggersPerMinute: number;
  /** Event streams (`GET /workflows/executions/{id}/events`) one account may hold open at once on this process (docs/events.md). */
  eventStreamsPerAccount: number;
  /** How often an idle event stream sends a keep-alive comment, in ms. */
  eventKeepAliveMs: number;
}

export const DEFAULT_API_SETTINGS: ApiSettings = {
  anonymousRequestsPerMinute: 60,
  healthChecksPerMinute: 600,
  maxBodyBytes: 1024 * 1024,
  maxJsonDepth: 64,
  maxTriggerBodyBytes: MAX_TRIGGER_BYTES,
  webhookTriggersPerMinute: 10,
  eventStreamsPerAccount: 10,
  eventKeepAliveMs: 15_000,
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
