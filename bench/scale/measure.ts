import { apiClient, type ApiClient } from '../executions/client.js';
import { drain } from '../executions/execution-state.js';
import type { Defer } from '../support/scope.js';
import { HTTP_WAIT, INPUT_NODE } from '../support/workflows.js';

/** The admin key every process of a run is started with (`PIPEWRIGHT_API_KEY`): `sk-` and 40 base62 characters. */
export const BENCH_KEY = 'sk-benchScale0123456789abcdefghijABCDEFGHIJKL';

/** How many clients send the POSTs, spread over the API processes. */
const CLIENTS = 16;
const DRAIN_TIMEOUT_MS = 600_000;

export interface Throughput {
  /** Processes that run executions: workers on PostgreSQL, `serve`s on SQLite. */
  processes: number;
  executions: number;
  /** POST /run answered 201 per second, by the API processes. */
  admittedPerSec: number;
  /** Executions taken up (QUEUED → RUNNING) per second, first start to last start. */
  startedPerSec: number;
  /** Executions COMPLETED per second, first start to last end. */
  completedPerSec: number;
}

interface Timed {
  startedAt: string;
  endedAt: string;
}

export interface Run {
  /** The API processes, sent the POSTs in turn. */
  apis: string[];
  providerUrl: string;
  executions: number;
  processes: number;
  /** Called once every execution is admitted: starts what runs them, if it is not running yet. */
  thenRun?: () => Promise<void>;
}

/**
 * Starts `executions` runs of the provider-waiting workflow through the API processes, lets
 * `thenRun` start the workers, waits until none is QUEUED or RUNNING (any FAILED fails the
 * bench), then reads each run's `startedAt` and `endedAt`: the rates are the store's timestamps,
 * whichever process ran what, and not when this client happened to look.
 */
export async function measure(defer: Defer, run: Run): Promise<Throughput> {
  const clients = run.apis.map((url) => apiClient(url, BENCH_KEY, Math.ceil(CLIENTS / run.apis.length)));
  for (const client of clients) defer(() => client.close());
  const first = clients[0]!;
  const workflowId = (await first.post<{ data: { id: string } }>('/workflows', HTTP_WAIT)).data.id;
  const body = { inputs: { [INPUT_NODE]: run.providerUrl } };
  const ids: string[] = [];
  let next = 0;
  const admitting = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const client = clients[c % clients.length]!;
      while (next < run.executions) {
        next += 1;
        ids.push((await client.post<{ executionId: string }>(`/workflows/${workflowId}/run`, body)).executionId);
      }
    }),
  );
  const admittedPerSec = run.executions / ((performance.now() - admitting) / 1000);
  await run.thenRun?.();
  await drain(first, DRAIN_TIMEOUT_MS);
  const timed = await timesOf(first, ids);
  const starts = timed.map((one) => Date.parse(one.startedAt)).sort((a, b) => a - b);
  const lastEnd = Math.max(...timed.map((one) => Date.parse(one.endedAt)));
  const seconds = (ms: number) => Math.max(ms, 1) / 1000;
  return {
    processes: run.processes,
    executions: run.executions,
    admittedPerSec,
    startedPerSec: (starts.length - 1) / seconds(starts.at(-1)! - starts[0]!),
    completedPerSec: starts.length / seconds(lastEnd - starts[0]!),
  };
}

async function timesOf(api: ApiClient, ids: string[]): Promise<Timed[]> {
  const timed: Timed[] = [];
  for (const id of ids) timed.push((await api.get<{ data: Timed }>(`/workflows/executions/${id}`)).data);
  return timed;
}
