import { columnTable, type Column } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { McpBenchReport, McpEntryResult } from './results.js';

const ms =
  (digits: number) =>
  (value: number): string =>
    value.toFixed(digits);

const STARTUP: readonly Column<McpEntryResult>[] = [
  { header: 'entry', cell: (r) => r.name },
  { header: 'first start ms', cell: (r) => ms(0)(r.startup.firstStartMs) },
  { header: 'median ms', cell: (r) => ms(0)(r.startup.medianMs) },
  { header: 'p95 ms', cell: (r) => ms(0)(r.startup.p95Ms) },
  { header: 'min ms', cell: (r) => ms(0)(r.startup.minMs) },
];

const POLL: readonly Column<McpEntryResult>[] = [
  { header: 'entry', cell: (r) => r.name },
  { header: 'median ms', cell: (r) => ms(3)(r.poll.medianMs) },
  { header: 'p99 ms', cell: (r) => ms(3)(r.poll.p99Ms) },
  { header: 'max ms', cell: (r) => ms(1)(r.poll.maxMs) },
  { header: 'calls/s', cell: (r) => ms(0)(r.poll.callsPerSec) },
];

export function formatMcpReport(report: McpBenchReport): string {
  const lines = [
    `bench/mcp — Node ${report.node}, pipewright mcp over stdio (SDK StdioClientTransport), embedded backend on a temp PIPEWRIGHT_HOME`,
    ...report.entries.map((r) => `  ${r.name}: ${r.command}`),
    ...report.skipped.map((s) => `  ${s.name}: skipped, ${s.reason}`),
    '',
    `Spawn → initialize → first tools/list answer; first start on a new home, then ${report.startupRuns} starts each (entries taking turns)`,
    '',
    ...columnTable(STARTUP, report.entries),
    '',
    `poll_execution of a finished dry run, one call in flight; ${report.pollWarmup} warm-up + ${report.pollCalls} timed calls`,
    '',
    ...columnTable(POLL, report.entries),
    '',
    ...formatTargets(report.targets),
    '',
    'first start also creates the store and the owner account. p95/p99 are nearest-rank.',
    'Targets are information only: they never change the exit code.',
  ];
  return `${lines.join('\n')}\n`;
}
