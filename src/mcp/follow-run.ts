import { type Backend, type ExecuteAccepted, FINISHED_EXECUTION_STATUSES, type PollView, waitForExecution } from '../backend/index.js';
import { PipewrightError } from '../errors/index.js';
import { artifactLinks } from './artifact-links.js';
import { summarizeExecution } from './execution-summary.js';
import type { PendingWork } from './pending-work.js';
import { progressReporter } from './progress.js';
import type { ToolExtra } from './tool-handler.js';
import { toolResult } from './tool-result.js';
import { viewerUrlOf } from './viewer-link.js';

export interface FollowRun {
  backend: Backend;
  pending: PendingWork;
  extra: ToolExtra;
  accepted: ExecuteAccepted;
  /** 0: answer at once. More: wait up to this long, streaming per-node progress; cancelling the call cancels the run. */
  waitSeconds: number;
  /**
   * The answer may be an idempotent replay of a call made long ago, so its status may be stale:
   * read the current one rather than repeat a "QUEUED" from the first call.
   */
  replayable: boolean;
  /** Fields the tool adds to the run's (savedAsScratch, retryOf). */
  fields: Record<string, unknown>;
  /** Sentence the tool adds to the summary. */
  note: string;
  /** The summary when the call returns at once with the accepted answer. */
  started: string;
}

/** The result of a tool that started a run: where it is now, after the wait the caller asked for. */
export async function followRun(run: FollowRun) {
  const { accepted, fields, note } = run;
  const base = { executionId: accepted.executionId, workflowId: accepted.workflowId, ...viewerUrlOf(accepted), ...fields };
  const view = await currentView(run);
  if (view === undefined) return toolResult({ ...base, finished: false, status: accepted.status }, `${run.started}${note}`);
  const { status, nodeStates, finalOutput, error } = view;
  const finished = FINISHED_EXECUTION_STATUSES.has(status);
  return toolResult({ ...base, finished, status, nodeStates, finalOutput, error }, `${summarizeExecution(view)}${note}`, artifactLinks(view));
}

async function currentView({ backend, pending, extra, accepted, waitSeconds, replayable }: FollowRun): Promise<PollView | undefined> {
  const executionId = accepted.executionId;
  if (waitSeconds === 0) return replayable ? backend.pollExecution(executionId, { signal: extra.signal }) : undefined;
  const cancelOnAbort = () => pending.track(backend.cancelExecution(executionId));
  extra.signal.addEventListener('abort', cancelOnAbort, { once: true });
  try {
    return await waitForExecution({ backend, executionId, seconds: waitSeconds, signal: extra.signal, onPoll: progressReporter(extra) });
  } catch (error) {
    if (extra.signal.aborted) throw new PipewrightError('cancelled', `The call was cancelled, so execution ${executionId} was cancelled too`);
    throw error;
  } finally {
    extra.signal.removeEventListener('abort', cancelOnAbort);
  }
}
