import { LOAD_COLUMNS } from '../support/load-columns.js';
import { columnTable, type Column } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { ApiBenchReport, EndpointResult } from './results.js';

/** After req/s: the ratio is read against it. */
const COLUMNS: readonly Column<EndpointResult>[] = [
  ...LOAD_COLUMNS.slice(0, 2),
  { header: '÷ ceiling', cell: (r) => `${(r.ratioToCeiling * 100).toFixed(1)}%` },
  ...LOAD_COLUMNS.slice(2),
];

export function formatApiReport(report: ApiBenchReport): string {
  const lines = [
    `bench/api — Node ${report.node}, autocannon on 127.0.0.1, ${report.connections} connections, ${report.warmupSec} s warm-up + ${report.durationSec} s per endpoint`,
    `  pipewright: real server in a child process, SQLite store, log level ${report.logLevel}, rate limiter on with budgets out of reach`,
    `  ceiling: bare node:http in a child process answering the same ${report.responseBytes}-byte JSON as GET /workflows/{id}; lint body ${report.lintBodyBytes} bytes`,
    '',
    ...columnTable(COLUMNS, report.endpoints),
    '',
    ...formatTargets(report.targets),
    '',
    "÷ ceiling = req/s ÷ the bare node:http server's req/s. Latencies are whole milliseconds",
    "(autocannon's histogram). CPU = CPU time ÷ wall time of the measured run, 100% = one core: a",
    'client near 100% means autocannon, not the server, set the pace. Any non-2xx fails the section.',
    'Targets are information only: they never change the exit code.',
  ];
  return `${lines.join('\n')}\n`;
}
