import { cpus } from 'node:os';
import { startPostgres } from '../../test/support/postgres.js';
import { withCleanup, type Defer } from '../support/scope.js';
import type { SectionContext } from '../support/sections.js';
import { tempHome } from '../support/temp-home.js';
import { startDelayServer } from './delay-server.js';
import { BENCH_KEY, measure, type Throughput } from './measure.js';
import { startServe, startWorker } from './processes.js';
import type { ScaleBenchReport } from './results.js';
import { scaleTargets } from './targets.js';

export { formatScaleReport } from './report.js';
export type { ScaleBenchReport } from './results.js';

export interface ScaleBenchOptions {
  /** Executions started in each run. */
  executions: number;
  /** How long the provider stand-in takes to answer. */
  providerDelayMs: number;
  /** `worker --concurrency`: executions one worker runs at once. */
  workerConcurrency: number;
}

/**
 * Slow enough that one worker's slots, not the CPU, set its pace on a small machine: 4 slots of
 * 1 s is 4 executions/s, a small share of two cores even at twice that.
 */
export const DEFAULT_SCALE_BENCH_OPTIONS: ScaleBenchOptions = { executions: 120, providerDelayMs: 1000, workerConcurrency: 4 };

const progress = (message: string): boolean => process.stderr.write(`bench/scale: ${message}\n`);

/** Every budget out of reach, and the provider stand-in on loopback allowed. */
const OPERATOR_ENV = {
  PIPEWRIGHT_API_KEY: BENCH_KEY,
  PIPEWRIGHT_REQUESTS_PER_MINUTE: 'unlimited',
  PIPEWRIGHT_EXECUTIONS_PER_MINUTE: 'unlimited',
  PIPEWRIGHT_EXECUTIONS_PER_DAY: 'unlimited',
  PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1',
};

/**
 * Issue 14's scale figures, from the built CLI: on a throwaway PostgreSQL cluster, one
 * `serve --no-worker` and 1 then 2 `worker --concurrency N`; on one SQLite home, 1 then 2 plain
 * `serve`s taking the POSTs in turn. Each run starts on a fresh database or home.
 */
export function runScaleBench(overrides: Partial<ScaleBenchOptions> = {}, context?: SectionContext): Promise<ScaleBenchReport> {
  const options = { ...DEFAULT_SCALE_BENCH_OPTIONS, ...overrides };
  return withCleanup(async (defer) => {
    const providerUrl = await startDelayServer(defer, options.providerDelayMs);
    const cluster = await startPostgres();
    defer(() => cluster.stop());
    const postgres: Throughput[] = [];
    for (const workers of [1, 2]) {
      progress(`PostgreSQL, ${workers} worker(s): ${options.executions} executions…`);
      const run = await withCleanup(async (scope) => {
        const env = { ...OPERATOR_ENV, PIPEWRIGHT_HOME: await tempHome(scope, 'scale-pg'), PIPEWRIGHT_DATABASE_URL: await cluster.createDatabase() };
        const api = await startServe(scope, env, ['--no-worker']);
        // Started together once every execution waits QUEUED, so neither the POSTs nor one
        // worker's head start set the pace.
        const thenRun = async () => {
          await Promise.all(Array.from({ length: workers }, () => startWorker(scope, env, ['--concurrency', String(options.workerConcurrency)])));
        };
        return measure(scope, { apis: [api], providerUrl, executions: options.executions, processes: workers, thenRun });
      }, context?.signal);
      context?.figure(figure(`PostgreSQL, ${workers} worker(s)`, run));
      postgres.push(run);
    }
    const sqlite: Throughput[] = [];
    for (const serves of [1, 2]) {
      progress(`SQLite, ${serves} serve process(es) on one home: ${options.executions} executions…`);
      const run = await withCleanup((scope) => sqliteRun(scope, serves, providerUrl, options.executions), context?.signal);
      context?.figure(figure(`SQLite, ${serves} serve(s)`, run));
      sqlite.push(run);
    }
    const report = { node: process.version, cpus: cpus().length, ...options, postgres, sqlite };
    return { ...report, targets: scaleTargets(report) };
  }, context?.signal);
}

async function sqliteRun(scope: Defer, serves: number, providerUrl: string, executions: number): Promise<Throughput> {
  const env = { ...OPERATOR_ENV, PIPEWRIGHT_HOME: await tempHome(scope, 'scale-sqlite') };
  // One after the other: the first creates the store and the key, the others find them.
  const apis: string[] = [];
  for (let i = 0; i < serves; i++) apis.push(await startServe(scope, env));
  return measure(scope, { apis, providerUrl, executions, processes: serves });
}

const figure = (label: string, run: Throughput) =>
  `${label}: ${run.admittedPerSec.toFixed(1)} admitted/s, ${run.startedPerSec.toFixed(1)} started/s, ${run.completedPerSec.toFixed(1)} completed/s`;
