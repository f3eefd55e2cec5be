import { setTimeout as delay } from 'node:timers/promises';
import type { ApiClient } from './client.js';

export interface StartedRun {
  executionId: string;
}

export interface PollView {
  status: 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED';
  error: unknown;
}

export const pollPath = (executionId: string): string => `/workflows/executions/${encodeURIComponent(executionId)}/poll`;

/**
 * Polls until the execution is terminal. Anything but COMPLETED fails the bench: a failed
 * execution finishes early and would flatter the figures.
 */
export async function waitCompleted(api: ApiClient, executionId: string, options: { intervalMs: number; timeoutMs: number }): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  for (;;) {
    const view = await api.get<PollView>(pollPath(executionId));
    if (view.status === 'COMPLETED') return;
    if (view.status !== 'QUEUED' && view.status !== 'RUNNING') throw new Error(`execution ${executionId} ended ${view.status}: ${JSON.stringify(view.error)}`);
    if (performance.now() > deadline) throw new Error(`execution ${executionId} still ${view.status} after ${options.timeoutMs} ms`);
    await delay(options.intervalMs);
  }
}

const DRAIN_POLL_MS = 100;

/**
 * Waits until no execution is QUEUED or RUNNING, so the next phase does not pay for the last
 * one's backlog, then refuses to go on if any execution FAILED or was CANCELLED.
 */
export async function drain(api: ApiClient, timeoutMs: number): Promise<number> {
  const start = performance.now();
  const any = async (status: string) => (await api.get<{ data: unknown[] }>(`/workflows/executions?status=${status}&limit=1`)).data.length > 0;
  while ((await any('QUEUED')) || (await any('RUNNING'))) {
    if (performance.now() - start > timeoutMs) throw new Error(`executions still queued or running after ${timeoutMs} ms`);
    await delay(DRAIN_POLL_MS);
  }
  for (const status of ['FAILED', 'CANCELLED']) {
    const { data } = await api.get<{ data: Array<{ id: string; error: unknown }> }>(`/workflows/executions?status=${status}&limit=1`);
    if (data.length > 0) throw new Error(`execution ${data[0]!.id} ended ${status}: ${JSON.stringify(data[0]!.error)}`);
  }
  return performance.now() - start;
}
