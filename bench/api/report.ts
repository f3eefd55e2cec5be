import { table } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { ApiBenchReport, EndpointResult } from './results.js';

interface Column {
  header: string;
  cell(r: EndpointResult): string;
}

const fixed = (digits: number) => (value: number): string => value.toFixed(digits);
const percent = (value: number): string => `${value.toFixed(0)}%`;

const COLUMNS: readonly Column[] = [
  { header: 'endpoint', cell: (r) => r.endpoint },
  { header: 'req/s', cell: (r) => fixed(0)(r.reqPerSec) },
  { header: 'p50 ms', cell: (r) => String(r.p50Ms) },
  { header: 'p99 ms', cell: (r) => String(r.p99Ms) },
  { header: 'max ms', cell: (r) => String(r.maxMs) },
  { header: '÷ ceiling', cell: (r) => `${(r.ratioToCeiling * 100).toFixed(1)}%` },
  { header: 'non-2xx', cell: (r) => String(r.non2xx) },
  { header: 'server CPU', cell: (r) => percent(r.serverCpuPercent) },
  { header: 'client CPU', cell: (r) => percent(r.clientCpuPercent) },
];

export function formatApiReport(report: ApiBenchReport): string {
  const rows = [COLUMNS.map((c) => c.header), ...report.endpoints.map((r) => COLUMNS.map((c) => c.cell(r)))];
  const lines = [
    `bench/api — Node ${report.node}, autocannon on 127.0.0.1, ${report.connections} connections, ${report.warmupSec} s warm-up + ${report.durationSec} s per endpoint`,
    `  pipewright: real server in a child process, SQLite store, log level ${report.logLevel}, rate limiter on with budgets out of reach`,
    `  ceiling: bare node:http in a child process answering the same ${report.responseBytes}-byte JSON as GET /workflows/{id}; lint body ${report.lintBodyBytes} bytes`,
    '',
    ...table(rows).map((line) => `  ${line}`),
    '',
    ...formatTargets(report.targets),
    '',
    '÷ ceiling = req/s ÷ the bare node:http server\'s req/s. Latencies are whole milliseconds',
    '(autocannon\'s histogram). CPU = CPU time ÷ wall time of the measured run, 100% = one core: a',
    'client near 100% means autocannon, not the server, set the pace. Any non-2xx aborts the bench.',
    'Targets are information only: they never change the exit code.',
  ];
  return `${lines.join('\n')}\n`;
}
