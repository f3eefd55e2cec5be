import type { TargetResult } from '../support/targets.js';
import { fanOut, randomDag, type BenchGraph } from './graphs.js';
import type { RunnerResult } from './results.js';
import type { TimingOptions } from './timing.js';

export interface Scenario extends TimingOptions {
  id: string;
  title: string;
  graph: BenchGraph;
  /** Runs under the heap profiler, after timing. */
  memoryRuns: number;
  /** The work on the critical path, which no runner can beat: overhead is what is left over. */
  criticalPathMs: number;
  overheadDefinition: string;
  targets(ours: RunnerResult, langgraph: RunnerResult): TargetResult[];
}

const SLEEP_MS = 50;
/** 1 + 98 + 1 = 100 nodes: the graph validator's node limit (GRAPH_LIMITS.maxNodes). */
const FAN_OUT_WIDTH = 98;

const ms = (value: number): string => `${value.toFixed(2)} ms`;

function fasterThanLangGraph(ours: RunnerResult, langgraph: RunnerResult): TargetResult {
  return {
    target: 'faster than LangGraph.js (median)',
    actual: `${ms(ours.medianMs)} vs ${ms(langgraph.medianMs)}`,
    met: ours.medianMs < langgraph.medianMs,
  };
}

export function engineScenarios(): Scenario[] {
  return [
    {
      id: 'dag',
      title: 'Random DAG, 100 nodes / 500 edges, no-op nodes (seed 42)',
      graph: randomDag({ nodes: 100, edges: 500, seed: 42, nodeType: 'bench:noop' }),
      // Our engine only reaches optimised code after some 50 runs; fewer would time the JIT.
      warmup: 100,
      iterations: 30,
      blocks: 3,
      memoryRuns: 20,
      criticalPathMs: 0,
      overheadDefinition: 'µs/node = median total ÷ nodes (the nodes do nothing, so all of it is scheduling)',
      targets: (ours, langgraph) => [
        { target: 'per-node overhead ≤ 50 µs', actual: `${ours.overheadUsPerNode.toFixed(1)} µs`, met: ours.overheadUsPerNode <= 50 },
        fasterThanLangGraph(ours, langgraph),
      ],
    },
    {
      id: 'fan-out',
      title: `Fan-out, source → ${FAN_OUT_WIDTH} × ${SLEEP_MS} ms sleep → sink (list port)`,
      graph: fanOut({ width: FAN_OUT_WIDTH, workerType: 'bench:sleep', edgeType: 'bench:noop' }),
      warmup: 20,
      iterations: 20,
      blocks: 2,
      memoryRuns: 10,
      criticalPathMs: SLEEP_MS,
      overheadDefinition: `µs/node = (median total − ${SLEEP_MS} ms critical path) ÷ nodes; includes timer lateness, as the floor shows`,
      targets: (ours, langgraph) => [
        { target: `total ≤ ${ms(SLEEP_MS * 1.1)} (${SLEEP_MS} ms + 10%)`, actual: ms(ours.medianMs), met: ours.medianMs <= SLEEP_MS * 1.1 },
        fasterThanLangGraph(ours, langgraph),
      ],
    },
  ];
}
