/** Behaviour shared by the job-based fakes (fal queue, Replicate predictions). */
export interface JobKnobs {
  /** Status checks answered "queued" before the job starts running. */
  queuedPolls: number;
  /** Status checks answered "running" before the job completes. */
  runningPolls: number;
  /** The job ends failed with this provider error text. */
  failWith?: string;
  /** The job never completes unless cancelled. */
  hang: boolean;
  /** The job passes its deadline while queued and ends without running (Replicate `aborted`). */
  expiresQueued: boolean;
}

export interface JobCounters {
  submits: number;
  polls: number;
  results: number;
  cancels: number;
  /** Authorization-bearing header of every request, in order. */
  authHeaders: (string | undefined)[];
}

export function defaultKnobs(): JobKnobs {
  return { queuedPolls: 1, runningPolls: 1, hang: false, expiresQueued: false };
}

export function emptyCounters(): JobCounters {
  return { submits: 0, polls: 0, results: 0, cancels: 0, authHeaders: [] };
}

export type JobPhase = 'queued' | 'running' | 'done' | 'cancelled' | 'expired';

/** Where a job is after `polls` status checks. */
export function phaseAfter(polls: number, knobs: JobKnobs, cancelled: boolean): JobPhase {
  if (cancelled) return 'cancelled';
  if (polls <= knobs.queuedPolls) return 'queued';
  if (knobs.expiresQueued) return 'expired';
  if (knobs.hang || polls <= knobs.queuedPolls + knobs.runningPolls) return 'running';
  return 'done';
}
