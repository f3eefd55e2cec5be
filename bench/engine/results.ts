import type { MemoryUse } from './memory.js';
import type { TargetResult } from '../support/targets.js';
import type { Timing } from './timing.js';

/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface RunnerResult extends Timing, MemoryUse {
  runner: string;
  overheadUsPerNode: number;
  /** Building and compiling the graph, once, before any run. */
  prepareMs: number;
}

export interface ScenarioResult {
  id: string;
  title: string;
  nodes: number;
  edges: number;
  warmup: number;
  iterations: number;
  blocks: number;
  memoryRuns: number;
  overheadDefinition: string;
  runners: RunnerResult[];
  /** pipewright's median total ÷ each other runner's, by runner name. */
  ratios: Record<string, number>;
  targets: TargetResult[];
}

export interface EngineBenchReport {
  node: string;
  concurrency: number;
  scenarios: ScenarioResult[];
}
