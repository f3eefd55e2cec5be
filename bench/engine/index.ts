import { floorRunner } from './floor.js';
import { langGraphRunner } from './langgraph.js';
import { measureMemory } from './memory.js';
import { createBenchRegistry } from './node-types.js';
import { pipewrightRunner } from './pipewright.js';
import type { SectionContext } from '../support/sections.js';
import type { EngineBenchReport, RunnerResult, ScenarioResult } from './results.js';
import type { Runner, RunOnce } from './runner.js';
import { engineScenarios, type Scenario } from './scenarios.js';
import { timeInBlocks } from './timing.js';

export { formatEngineReport } from './report.js';
export type { EngineBenchReport, RunnerResult, ScenarioResult } from './results.js';

/** Above the fan-out's width, so the engine's limits never throttle it. */
const CONCURRENCY = 128;

export async function runEngineBench(context?: SectionContext): Promise<EngineBenchReport> {
  const registry = createBenchRegistry();
  const runners = [floorRunner, langGraphRunner, pipewrightRunner({ registry, concurrency: CONCURRENCY })];
  const scenarios: ScenarioResult[] = [];
  for (const scenario of engineScenarios()) {
    // In-process work cannot be stopped midway: a section out of time ends at the next scenario.
    context?.signal.throwIfAborted();
    const result = await runScenario(scenario, runners);
    const medians = result.runners.map((r) => `${r.runner} ${r.medianMs.toFixed(2)} ms`).join(', ');
    context?.figure(`${result.id} median: ${medians}`);
    scenarios.push(result);
  }
  return { node: process.version, concurrency: CONCURRENCY, scenarios };
}

// Progress goes to stderr so that `--json` output stays parseable.
const progress = (message: string): boolean => process.stderr.write(`bench/engine: ${message}\n`);

async function runScenario(scenario: Scenario, runners: readonly Runner[]): Promise<ScenarioResult> {
  const nodes = scenario.graph.nodes.length;
  const prepared: Array<{ run: RunOnce; prepareMs: number }> = [];
  for (const runner of runners) {
    const start = performance.now();
    const run = await runner.prepare(scenario.graph);
    prepared.push({ run, prepareMs: performance.now() - start });
  }
  progress(`${scenario.id}: timing ${runners.map((r) => r.name).join(', ')} in turns of ${scenario.blocks} blocks…`);
  const timings = await timeInBlocks(
    prepared.map((p) => p.run),
    scenario,
  );
  const results: RunnerResult[] = [];
  for (const [i, runner] of runners.entries()) {
    progress(`${scenario.id}: heap profile of ${runner.name}…`);
    const memory = await measureMemory(prepared[i]!.run, scenario.memoryRuns);
    const timing = timings[i]!;
    const overheadUsPerNode = ((timing.medianMs - scenario.criticalPathMs) * 1000) / nodes;
    results.push({ runner: runner.name, ...timing, ...memory, overheadUsPerNode, prepareMs: prepared[i]!.prepareMs });
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
    blocks: scenario.blocks,
    memoryRuns: scenario.memoryRuns,
    overheadDefinition: scenario.overheadDefinition,
    runners: results,
    ratios: Object.fromEntries(results.filter((r) => r !== ours).map((r) => [r.runner, ours.medianMs / r.medianMs])),
    targets: scenario.targets(ours, byName('langgraph')),
  };
}
