import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BenchGraph } from './graphs.js';
import type { Runner } from './runner.js';

export interface Measurement {
  /** Building and compiling the graph, once, before any run. */
  prepareMs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  /** Median heap growth across one run (GC forced before it): roughly what a run allocates. */
  allocKbPerRun: number;
  /** Heap growth over all timed runs, after a forced GC: what the runner keeps (a leak shows here). */
  retainedKb: number;
}

export interface MeasureOptions {
  warmup: number;
  iterations: number;
}

/**
 * `npm run bench` cannot pass --expose-gc to tsx, so the flag is set at run time. Forcing a
 * collection before each run keeps one run's garbage out of the next run's time and heap figures.
 */
function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const collect = exposeGc();

/** Heap in use once garbage is gone; twice, as one pass may leave the previous runner's garbage. */
function settledHeap(): number {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
}

const kb = (bytes: number): number => bytes / 1024;

export async function measure(runner: Runner, graph: BenchGraph, { warmup, iterations }: MeasureOptions): Promise<Measurement> {
  const prepareStart = performance.now();
  const run = await runner.prepare(graph);
  const prepareMs = performance.now() - prepareStart;
  for (let i = 0; i < warmup; i++) await run();

  const heapBefore = settledHeap();
  const times: number[] = [];
  const allocs: number[] = [];
  for (let i = 0; i < iterations; i++) {
    collect();
    const heapStart = process.memoryUsage().heapUsed;
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
    allocs.push(process.memoryUsage().heapUsed - heapStart);
  }
  const retained = settledHeap() - heapBefore;

  return {
    prepareMs,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    minMs: Math.min(...times),
    allocKbPerRun: kb(percentile(allocs, 0.5)),
    retainedKb: kb(retained),
  };
}

/** Nearest-rank percentile: with few samples, p95 is close to the slowest run, never an interpolation. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}
