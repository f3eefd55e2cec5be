import { PipewrightError } from '../../errors/index.js';
import { poll } from '../../net/index.js';
import type { ProviderCallContext, ProviderResult } from '../provider.js';
import type { PollSettings, PollStep } from './poll.js';

/** The three requests a job-based provider (fal queue, Replicate predictions) answers. */
export interface JobProtocol {
  /** Starts the job; resolves with the provider's job id. */
  submit(signal: AbortSignal): Promise<string>;
  /** One status check: done with the provider's output, not yet, or a rejection when the job failed. */
  check(jobId: string, signal: AbortSignal): Promise<PollStep>;
  cancel(jobId: string, signal: AbortSignal): Promise<void>;
}

export interface JobSettings {
  poll: PollSettings;
  /** How long a best-effort cancel may take after an abort. */
  cancelTimeoutMs: number;
}

/**
 * Submit (or re-attach to `previousJobId`), hand the id to the engine BEFORE waiting so a
 * restarted process re-attaches instead of paying again, then poll. On abort the remote job is
 * cancelled too — it would otherwise run, and bill, to completion — and the call rejects with the
 * abort reason. A job whose id could not be stored is cancelled as well: nothing could re-attach to it.
 * An abort for `execution_taken_over` leaves the job alone: the process that took the execution
 * over has re-attached to it.
 */
export async function runJob(protocol: JobProtocol, ctx: ProviderCallContext, settings: JobSettings): Promise<ProviderResult> {
  const { signal } = ctx;
  if (signal.aborted) throw signal.reason;
  const reattaching = ctx.previousJobId !== undefined;
  const jobId = ctx.previousJobId ?? (await protocol.submit(signal));
  let remembered = reattaching;
  try {
    if (reattaching) ctx.log(`Re-attaching to job ${jobId}`);
    else {
      await ctx.rememberJob(jobId);
      remembered = true;
    }
    const { initialMs, factor, maxMs } = settings.poll;
    const { value } = await poll({
      check: () => protocol.check(jobId, signal),
      done: (step) => step.done,
      backoff: { initialDelayMs: initialMs, factor, maxDelayMs: maxMs },
      signal,
    });
    return { output: value, jobId };
  } catch (error) {
    if ((signal.aborted && !takenOver(signal.reason)) || !remembered) await cancelQuietly(protocol, jobId, ctx, settings.cancelTimeoutMs);
    throw signal.aborted ? signal.reason : error;
  }
}

function takenOver(reason: unknown): boolean {
  return reason instanceof PipewrightError && reason.code === 'execution_taken_over';
}

async function cancelQuietly(protocol: JobProtocol, jobId: string, ctx: ProviderCallContext, timeoutMs: number): Promise<void> {
  try {
    await protocol.cancel(jobId, AbortSignal.timeout(timeoutMs));
    ctx.log(`Asked the provider to cancel job ${jobId}`);
  } catch (error) {
    ctx.log(`Could not cancel job ${jobId}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
