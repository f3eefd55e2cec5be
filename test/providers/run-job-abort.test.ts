import { describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { type JobProtocol, runJob } from '../../src/providers/jobs/run-job.js';

/** A job that never finishes, recording whether it was asked to cancel. */
function endlessJob(): JobProtocol & { cancelled: string[]; checks: number } {
  const job = {
    cancelled: [] as string[],
    checks: 0,
    submit: async () => 'job-1',
    check: async () => {
      job.checks++;
      return { done: false } as const;
    },
    cancel: async (jobId: string) => void job.cancelled.push(jobId),
  };
  return job;
}

async function abortedWith(reason: PipewrightError): Promise<{ error: unknown; cancelled: string[] }> {
  const job = endlessJob();
  const controller = new AbortController();
  const ctx = { signal: controller.signal, rememberJob: async () => {}, progress: () => {}, log: () => {} };
  const running = runJob(job, ctx, { poll: { initialMs: 1, factor: 1, maxMs: 1 }, cancelTimeoutMs: 1_000 });
  while (job.checks === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  controller.abort(reason);
  const error = await running.catch((caught: unknown) => caught);
  return { error, cancelled: job.cancelled };
}

describe('runJob when its signal aborts', () => {
  it('asks the provider to cancel the job on a cancel', async () => {
    const { error, cancelled } = await abortedWith(new PipewrightError('cancelled', 'Execution was cancelled'));
    expect(error).toMatchObject({ code: 'cancelled' });
    expect(cancelled).toEqual(['job-1']);
  });

  it('leaves the job running when another process took the execution over: it re-attached to it', async () => {
    const { error, cancelled } = await abortedWith(new PipewrightError('execution_taken_over', 'taken over'));
    expect(error).toMatchObject({ code: 'execution_taken_over' });
    expect(cancelled).toEqual([]);
  });
});
