import type { BenchGraph } from './graphs.js';

/** One execution of a prepared graph; resolves when every node has run. */
export type RunOnce = () => Promise<void>;

/**
 * What every contender implements. `prepare` (building and compiling the graph) is timed once
 * and apart from the runs, so the per-run figures compare scheduling only.
 */
export interface Runner {
  name: string;
  prepare(graph: BenchGraph): Promise<RunOnce>;
}
