import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { percentile } from '../support/stats.js';
import { OFFLINE_PIPELINE } from '../support/workflows.js';
import type { McpSession } from './session.js';

export interface PollTiming {
  calls: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
  callsPerSec: number;
}

export interface PollOptions {
  warmup: number;
  calls: number;
}

/** A tool error is data to the model but a bench failure here: its round trip is not a poll's. */
async function call<T>(session: McpSession, name: string, args: Record<string, unknown>): Promise<T> {
  const result = (await session.client.callTool({ name, arguments: args })) as CallToolResult;
  if (result.isError === true) throw new Error(`${name} answered an error: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

/** Saves the offline pipeline and dry-runs it to the end, so every poll reads a finished execution. */
async function finishedExecution(session: McpSession): Promise<string> {
  const { workflow } = await call<{ workflow: { id: string } }>(session, 'save_workflow', { ...OFFLINE_PIPELINE });
  const run = await call<{ executionId: string; status: string }>(session, 'execute_workflow', { workflowId: workflow.id, dryRun: true, waitSeconds: 30 });
  if (run.status !== 'COMPLETED') throw new Error(`the dry run ended ${run.status}, not COMPLETED`);
  return run.executionId;
}

/** Sequential calls, one in flight at a time: each time is one client → server → client trip. */
export async function timePolls(session: McpSession, { warmup, calls }: PollOptions): Promise<PollTiming> {
  const executionId = await finishedExecution(session);
  const poll = async () => {
    const view = await call<{ status: string }>(session, 'poll_execution', { executionId });
    if (view.status !== 'COMPLETED') throw new Error(`poll_execution said ${view.status} for a finished execution`);
  };
  for (let i = 0; i < warmup; i++) await poll();
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; i < calls; i++) {
    const before = performance.now();
    await poll();
    times.push(performance.now() - before);
  }
  const totalMs = performance.now() - start;
  return { calls, medianMs: percentile(times, 0.5), p99Ms: percentile(times, 0.99), maxMs: Math.max(...times), callsPerSec: (calls / totalMs) * 1000 };
}
