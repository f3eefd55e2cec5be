import { floorRunner } from './floor.js';
import { langGraphRunner } from './langgraph.js';
import { measure } from './measure.js';
import { createBenchRegistry } from './node-types.js';
import { pipewrightRunner } from './pipewright.js';
import type { Runner } from './runner.js';
import type { EngineBenchReport, RunnerResult, ScenarioResult } from './results.js';
import { engineScenarios, type Scenario } from './scenarios.js';

export { formatEngineReport } from './report.js';
export type { EngineBenchReport, RunnerResult, ScenarioResult, TargetResult } from './results.js';

/** Above the fan-out's width, so the engine's limits never throttle it. */
const CONCURRENCY = 128;

export async function runEngineBench(): Promise<EngineBenchReport> {
  const registry = createBenchRegistry();
  const runners = [floorRunner, langGraphRunner, pipewrightRunner({ registry, concurrency: CONCURRENCY })];
  const scenarios: ScenarioResult[] = [];
  for (const scenario of engineScenarios()) scenarios.push(await runScenario(scenario, runners));
  return { node: process.version, concurrency: CONCURRENCY, scenarios };
}

async function runScenario(scenario: Scenario, runners: readonly Runner[]): Promise<ScenarioResult> {
  const nodes = scenario.graph.nodes.length;
  const results: RunnerResult[] = [];
  for (const runner of runners) {
    // Progress goes to stderr so that `--json` output stays parseable.
    process.stderr.write(`bench/engine: ${scenario.id} on ${runner.name}…\n`);
    const measured = await measure(runner, scenario.graph, scenario);
    const overheadUsPerNode = ((measured.medianMs - scenario.criticalPathMs) * 1000) / nodes;
    results.push({ runner: runner.name, ...measured, overheadUsPerNode });
  }
  const byName = (name: string): RunnerResult => results.find((r) => r.runner === name)!;
  const ours = byName('pipewright');
  return {
    id: scenario.id,
    title: scenario.title,
    nodes,
    edges: scenario.graph.edges.length,
    warmup: scenario.warmup,
    iterations: scenario.iterations,
    overheadDefinition: scenario.overheadDefinition,
    runners: results,
    ratios: { floor: ours.medianMs / byName('floor').medianMs, langgraph: ours.medianMs / byName('langgraph').medianMs },
    targets: scenario.targets(ours, byName('langgraph')),
  };
}
