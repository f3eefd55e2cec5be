import { PipewrightError } from '../../errors/index.js';

/**
 * How long a process holds an execution it runs without renewing (`ttlMs`), and how often it
 * renews (`renewMs`, well inside the lease so one missed renewal loses nothing). A process that
 * dies stops renewing; once the lease has passed, any process on the store takes the execution
 * over (docs/executions.md, "Resume after a crash").
 */
export interface LeaseTimes {
  ttlMs: number;
  renewMs: number;
}

export const DEFAULT_LEASE: LeaseTimes = { ttlMs: 30_000, renewMs: 10_000 };

/** How often a worker asks the store for work nobody holds (QUEUED, or an ended lease). */
export const DEFAULT_CLAIM_POLL_MS = 1_000;

/** `PIPEWRIGHT_LEASE_SECONDS` (renewed every third of it) and `PIPEWRIGHT_CLAIM_POLL_MS`, for operators and tests. */
export function leaseSettingsFromEnv(env: NodeJS.ProcessEnv): { lease: LeaseTimes; pollMs: number } {
  const seconds = positive(env, 'PIPEWRIGHT_LEASE_SECONDS');
  const pollMs = positive(env, 'PIPEWRIGHT_CLAIM_POLL_MS') ?? DEFAULT_CLAIM_POLL_MS;
  const lease = seconds === undefined ? DEFAULT_LEASE : { ttlMs: seconds * 1000, renewMs: (seconds * 1000) / 3 };
  return { lease, pollMs };
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const text = env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new PipewrightError('invalid_field', `${name} must be a number above 0, got "${text}"`, { details: { field: name } });
  return value;
}
