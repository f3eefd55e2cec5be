import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { restLinks } from '../../src/api/index.js';
import { openLocalRuntime } from '../../src/backend/index.js';
import { bootServer } from '../../src/cli/serve/boot.js';
import { createClient } from '../../src/client/index.js';
import type { PlanLimits } from '../../src/service/index.js';
import { openStore } from '../../src/store/index.js';
import { type Defer, withCleanup } from '../support/scope.js';
import type { SectionContext } from '../support/sections.js';
import { percentile } from '../support/stats.js';
import { columnTable, type Column } from '../support/table.js';
import { tempHome } from '../support/temp-home.js';
import { HTTP_WAIT, INPUT_NODE } from '../support/workflows.js';

export interface SseBenchOptions {
  /** Runs followed per writer; each gives two node completions that happen while the client waits. */
  runs: number;
  /** The loopback URL the middle node fetches answers after this long plus up to 250 ms more, at random. */
  nodeMs: number;
}

export const DEFAULT_SSE_BENCH_OPTIONS: SseBenchOptions = { runs: 100, nodeMs: 50 };
/** The spread of the node's wait: one poll interval of a stream, so a poll's phase is sampled evenly. */
const SPREAD_MS = 250;

export interface SseLatency {
  writer: string;
  samples: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

export interface SseBenchReport {
  node: string;
  options: SseBenchOptions;
  results: SseLatency[];
}

const UNREACHABLE = 1_000_000_000;
const limits: PlanLimits = { requestsPerMinute: UNREACHABLE, executionsPerMinute: UNREACHABLE, executionsPerDay: UNREACHABLE };
const ENV = { PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', PIPEWRIGHT_CLAIM_POLL_MS: '20' };
const progress = (message: string): boolean => process.stderr.write(`bench/sse: ${message}\n`);

/**
 * From a node's completion — the store write, its event's `created_at` — to the event read by a
 * client (`client.executions.events`) through `GET …/events`: once with the run executed by the
 * API's own process (the stream wakes on the write), once by a worker on the same home that the
 * API cannot hear (the stream finds it by looking in the store, every 250 ms). Each run's middle
 * node waits on a loopback URL, so the client is already waiting when it and the last node
 * complete; the input node's completion, written before the client connects, is not counted.
 */
export function runSseBench(overrides: Partial<SseBenchOptions> = {}, context?: SectionContext): Promise<SseBenchReport> {
  const options = { ...DEFAULT_SSE_BENCH_OPTIONS, ...overrides };
  return withCleanup(async (defer) => {
    const url = await slowUrl(defer, options.nodeMs);
    const results = [
      await measure(defer, 'the API process (in-process wake)', true, url, options),
      await measure(defer, 'a worker on the same home (store poll)', false, url, options),
    ];
    for (const result of results) context?.figure(`${result.writer}: median ${result.medianMs.toFixed(1)} ms, p99 ${result.p99Ms.toFixed(1)} ms`);
    return { node: process.version, options, results };
  }, context?.signal);
}

async function measure(defer: Defer, writer: string, local: boolean, url: string, options: SseBenchOptions): Promise<SseLatency> {
  const home = await tempHome(defer, 'sse');
  const server = await bootServer({
    home,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    services: { planLimits: { free: limits, starter: limits, pro: limits, enterprise: limits } },
    env: ENV,
    worker: local,
  });
  defer(() => server.close());
  if (!local) {
    // Another store connection and dispatcher in this process: it hears nothing the API's store rings, as another process would not.
    const worker = await openLocalRuntime({ home, env: ENV, mode: 'server', settings: { links: restLinks(server.url) }, runs: 'worker' });
    defer(() => worker.close());
  }
  const store = await openStore({ home });
  defer(() => store.close());
  const client = createClient({ baseUrl: server.url, apiKey: server.newAdminKey!, retries: 0 });
  defer(() => client.close());
  const workflow = (await client.workflows.create({ ...HTTP_WAIT })).workflow;
  const samples: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const { executionId } = await client.workflows.execute(workflow.id, { inputs: { [INPUT_NODE]: url } });
    const received = new Map<number, number>();
    for await (const event of client.executions.events(executionId)) {
      if (event.type === 'node.completed' && event.data.nodeId !== INPUT_NODE) received.set(event.id, performance.timeOrigin + performance.now());
    }
    for (const event of await store.executions.events(executionId, 0, 100)) {
      const at = received.get(event.id);
      if (at !== undefined) samples.push(at - Date.parse(event.at));
    }
  }
  progress(`${writer}: ${samples.length} node completions`);
  return { writer, samples: samples.length, medianMs: percentile(samples, 0.5), p99Ms: percentile(samples, 0.99), maxMs: Math.max(...samples) };
}

/** A loopback URL that answers after `ms` and a random part of SPREAD_MS: the node fetching it completes while the client waits. */
async function slowUrl(defer: Defer, ms: number): Promise<string> {
  const server = createServer((_request, response) => void setTimeout(() => response.end('ok'), ms + Math.random() * SPREAD_MS));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  defer(() => new Promise((resolve) => server.close(resolve)));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const COLUMNS: readonly Column<SseLatency>[] = [
  { header: 'run executed by', cell: (r) => r.writer },
  { header: 'samples', cell: (r) => String(r.samples) },
  { header: 'median ms', cell: (r) => r.medianMs.toFixed(1) },
  { header: 'p99 ms', cell: (r) => r.p99Ms.toFixed(1) },
  { header: 'max ms', cell: (r) => r.maxMs.toFixed(1) },
];

export function formatSseReport(report: SseBenchReport): string {
  return [
    `bench/sse — Node ${report.node}, one SQLite home, client.executions.events over GET /api/v1/workflows/executions/{id}/events`,
    `Node completion (its event's created_at, written with the node's state) → the event in the client; ${report.options.runs} runs per writer, one at a time, 2 completions each; ms resolution on the write side`,
    '',
    ...columnTable(COLUMNS, report.results),
  ].join('\n');
}
