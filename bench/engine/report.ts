import { table } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { EngineBenchReport, RunnerResult, ScenarioResult } from './results.js';

interface Column {
  header: string;
  cell(r: RunnerResult, s: ScenarioResult): string;
}

const fixed =
  (digits: number) =>
  (value: number): string =>
    value.toFixed(digits);

const COLUMNS: readonly Column[] = [
  { header: 'runner', cell: (r) => r.runner },
  { header: 'median ms', cell: (r) => fixed(2)(r.medianMs) },
  { header: 'p95 ms', cell: (r) => fixed(2)(r.p95Ms) },
  { header: 'min ms', cell: (r) => fixed(2)(r.minMs) },
  { header: 'µs/node', cell: (r) => fixed(1)(r.overheadUsPerNode) },
  { header: 'pipewright ÷', cell: (r, s) => (s.ratios[r.runner] === undefined ? '—' : `${s.ratios[r.runner]!.toPrecision(3)}×`) },
  { header: 'alloc KB/run', cell: (r) => fixed(0)(r.allocKbPerRun) },
  { header: 'retained KB/run', cell: (r) => fixed(1)(r.retainedKbPerRun) },
  { header: 'prepare ms', cell: (r) => fixed(1)(r.prepareMs) },
];

function formatScenario(s: ScenarioResult): string[] {
  const rows = [COLUMNS.map((c) => c.header), ...s.runners.map((r) => COLUMNS.map((c) => c.cell(r, s)))];
  return [
    s.title,
    `  ${s.nodes} nodes, ${s.edges} edges; ${s.warmup} warm-up + ${s.iterations} timed runs each (in ${s.blocks} blocks, runners taking turns), ${s.memoryRuns} profiled runs`,
    '',
    ...table(rows).map((line) => `  ${line}`),
    '',
    ...formatTargets(s.targets),
    `  ${s.overheadDefinition}`,
  ];
}

export function formatEngineReport(report: EngineBenchReport): string {
  const lines = [
    `bench/engine — Node ${report.node}, pipewright concurrency perExecution=${report.concurrency} global=${report.concurrency}`,
    '',
    ...report.scenarios.flatMap((s) => [...formatScenario(s), '']),
    "pipewright ÷ = pipewright median ÷ that runner's median (floor = hand-written Promise DAG runner).",
    'Each block starts from a collected heap. alloc = bytes allocated per run, garbage included',
    '(V8 sampling heap profiler); retained = heap growth per run after forced GC, i.e. what a runner',
    'keeps between executions; prepare = building and compiling the graph once.',
    'Targets are information only: they never change the exit code.',
  ];
  return `${lines.join('\n')}\n`;
}
