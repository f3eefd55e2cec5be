export interface BackoffSettings {
  minDelayMs: number;
  maxDelayMs: number;
  factor: number;
}

/** The wait before retry `attempt` (from 1): exponential, capped, jittered into [delay/2, delay]. */
export function backoff(attempt: number, { minDelayMs, maxDelayMs, factor }: BackoffSettings): number {
  const delay = Math.min(maxDelayMs, minDelayMs * factor ** (attempt - 1));
  return Math.round(delay / 2 + Math.random() * (delay / 2));
}
