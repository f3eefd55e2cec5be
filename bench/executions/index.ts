import { loadEndpoint, loadFigure, type LoadOptions } from '../support/load.js';
import { forkPipewright } from '../support/pipewright-server.js';
import { withCleanup } from '../support/scope.js';
import type { SectionContext } from '../support/sections.js';
import { tempHome } from '../support/temp-home.js';
import { OFFLINE_PIPELINE } from '../support/workflows.js';
import { apiClient } from './client.js';
import { timeCompletions } from './completion.js';
import { drain, pollPath } from './execution-state.js';
import { measureInFlight } from './in-flight.js';
import type { ExecutionsBenchReport } from './results.js';
import { RUN_BODY, seedWorkflows } from './seed.js';
import { executionsTargets } from './targets.js';

export { formatExecutionsReport } from './report.js';
export type { ExecutionsBenchReport } from './results.js';

export interface ExecutionsBenchOptions extends LoadOptions {
  /** Executions timed from POST to COMPLETED, shared among `connections` clients. */
  completions: number;
  pollIntervalMs: number;
  inFlight: number;
  logLevel: string;
  /** When set, the server runs with `--cpu-prof` and writes its profile here. */
  profileDir?: string;
}

export const DEFAULT_EXECUTIONS_BENCH_OPTIONS: ExecutionsBenchOptions = {
  connections: 50,
  durationSec: 10,
  warmupSec: 2,
  completions: 1_000,
  pollIntervalMs: 5,
  inFlight: 1_000,
  logLevel: 'warn',
};

/** Generous: on a loaded 2-core machine the start phase leaves thousands queued. */
const DRAIN_TIMEOUT_MS = 180_000;

const progress = (message: string): boolean => process.stderr.write(`bench/executions: ${message}\n`);

export function runExecutionsBench(overrides: Partial<ExecutionsBenchOptions> = {}, context?: SectionContext): Promise<ExecutionsBenchReport> {
  const options = { ...DEFAULT_EXECUTIONS_BENCH_OPTIONS, ...overrides };
  return withCleanup(async (defer) => {
    const home = await tempHome(defer, 'executions');
    const server = await forkPipewright(defer, {
      home,
      logLevel: options.logLevel,
      // The in-flight phase's http_request nodes call a server on 127.0.0.1, which server mode refuses by default.
      env: { PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1' },
      ...(options.profileDir !== undefined && { profileDir: options.profileDir }),
    });
    const { url, key } = server.info;
    const api = apiClient(url, key, options.connections);
    defer(() => api.close());
    const seeded = await seedWorkflows(api);
    const auth = { Authorization: `Bearer ${key}` };

    // First, so that the RSS is the in-flight work's and not the heap the load phases grew.
    progress(`${options.inFlight} executions in flight…`);
    const inFlight = await measureInFlight(defer, api, server, { waitId: seeded.waitId, executions: options.inFlight });
    context?.figure(
      `${inFlight.executions} in flight: server RSS ${inFlight.rssIdleMb.toFixed(0)} → ${inFlight.rssInFlightMb.toFixed(0)} MB, all completed ${(inFlight.drainMs / 1000).toFixed(1)} s after release`,
    );

    const start = await loadEndpoint(
      {
        name: 'POST /workflows/{id}/run',
        url: `${url}/api/v1/workflows/${seeded.pipelineId}/run`,
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': '[<id>]' },
        body: JSON.stringify(RUN_BODY),
        idReplacement: true,
        server,
      },
      options,
    );
    context?.figure(loadFigure(start));
    progress('waiting for the started executions to finish…');
    const startBacklogDrainMs = await drain(api, DRAIN_TIMEOUT_MS);
    context?.figure(`the ${start.requests} started executions finished ${(startBacklogDrainMs / 1000).toFixed(1)} s later`);

    progress(`${options.completions} executions from POST to COMPLETED by ${options.connections} clients…`);
    const completion = await timeCompletions(api, seeded.pipelineId, {
      clients: options.connections,
      executions: options.completions,
      pollIntervalMs: options.pollIntervalMs,
    });
    context?.figure(
      `POST /run → COMPLETED: p50 ${completion.p50Ms.toFixed(0)} ms, p99 ${completion.p99Ms.toFixed(0)} ms, ${completion.completedPerSec.toFixed(0)} completed/s`,
    );

    const poll = await loadEndpoint(
      { name: 'GET /workflows/executions/{id}/poll', url: `${url}/api/v1${pollPath(seeded.completedId)}`, method: 'GET', headers: auth, server },
      options,
    );

    const report = {
      node: process.version,
      connections: options.connections,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      logLevel: options.logLevel,
      pipelineNodes: OFFLINE_PIPELINE.nodes.length,
      start,
      startBacklogDrainMs,
      completion,
      poll,
      inFlight,
    };
    return { ...report, targets: executionsTargets(report) };
  }, context?.signal);
}
