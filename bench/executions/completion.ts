import { percentile } from '../support/stats.js';
import type { ApiClient } from './client.js';
import { waitCompleted, type StartedRun } from './execution-state.js';
import { RUN_BODY } from './seed.js';

export interface CompletionOptions {
  clients: number;
  /** Executions in all, shared out among the clients. */
  executions: number;
  /** Between polls of one execution: a finished run is seen at most this late. */
  pollIntervalMs: number;
}

export interface CompletionTiming extends CompletionOptions {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Executions completed per second of the whole phase, all clients together. */
  completedPerSec: number;
}

/** No one execution of five in-memory nodes should take this long, even queued behind 49. */
const EXECUTION_TIMEOUT_MS = 60_000;

/** Each client in turn: POST /run, poll until COMPLETED, next; `clients` of them at once. */
export async function timeCompletions(api: ApiClient, pipelineId: string, options: CompletionOptions): Promise<CompletionTiming> {
  const times: number[] = [];
  let remaining = options.executions;
  const client = async () => {
    while (remaining > 0) {
      remaining--;
      const start = performance.now();
      const { executionId } = await api.post<StartedRun>(`/workflows/${pipelineId}/run`, RUN_BODY);
      await waitCompleted(api, executionId, { intervalMs: options.pollIntervalMs, timeoutMs: EXECUTION_TIMEOUT_MS });
      times.push(performance.now() - start);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: options.clients }, client));
  const totalMs = performance.now() - start;
  return {
    ...options,
    p50Ms: percentile(times, 0.5),
    p99Ms: percentile(times, 0.99),
    maxMs: Math.max(...times),
    completedPerSec: (times.length / totalMs) * 1000,
  };
}
