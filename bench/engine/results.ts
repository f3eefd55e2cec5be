import type { Measurement } from './measure.js';

/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface RunnerResult extends Measurement {
  runner: string;
  overheadUsPerNode: number;
}

export interface TargetResult {
  target: string;
  actual: string;
  met: boolean;
}

export interface ScenarioResult {
  id: string;
  title: string;
  nodes: number;
  edges: number;
  warmup: number;
  iterations: number;
  overheadDefinition: string;
  runners: RunnerResult[];
  /** pipewright's median total ÷ the other runner's. */
  ratios: { floor: number; langgraph: number };
  targets: TargetResult[];
}

export interface EngineBenchReport {
  node: string;
  concurrency: number;
  scenarios: ScenarioResult[];
}
