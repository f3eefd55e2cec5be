import { percentile } from '../support/stats.js';
import { settledHeap } from './gc.js';
import type { RunOnce } from './runner.js';

export interface TimingOptions {
  warmup: number;
  iterations: number;
  /** Timed runs are split into this many blocks per runner, the runners taking turns. */
  blocks: number;
}

export interface Timing {
  medianMs: number;
  p95Ms: number;
  minMs: number;
}

/**
 * A forced GC leaves the heap small, and the next runs pay for growing it back: measured on the
 * DAG, 5 runs after it were still up to 3× slow, 30 were not. So 30 untimed runs follow each GC.
 */
const RUNS_AFTER_GC = 30;

/**
 * Runners take turns in blocks, so that a change of machine load during the bench falls on all
 * of them. A block starts from a collected heap, so no runner pays for another's garbage;
 * within a block each pays for its own, as a real execution would.
 */
export async function timeInBlocks(runs: readonly RunOnce[], { warmup, iterations, blocks }: TimingOptions): Promise<Timing[]> {
  for (const run of runs) for (let i = 0; i < warmup; i++) await run();
  const times = runs.map((): number[] => []);
  for (let b = 0; b < blocks; b++) {
    const size = Math.ceil(((b + 1) * iterations) / blocks) - Math.ceil((b * iterations) / blocks);
    for (const [r, run] of runs.entries()) {
      settledHeap();
      for (let i = 0; i < RUNS_AFTER_GC; i++) await run();
      for (let i = 0; i < size; i++) {
        const start = performance.now();
        await run();
        times[r]!.push(performance.now() - start);
      }
    }
  }
  return times.map((t) => ({ medianMs: percentile(t, 0.5), p95Ms: percentile(t, 0.95), minMs: Math.min(...t) }));
}
