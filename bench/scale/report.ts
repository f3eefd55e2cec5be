import { columnTable, type Column } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { Throughput } from './measure.js';
import type { ScaleBenchReport } from './results.js';
import { ratio } from './targets.js';

const columns = (processes: string): Column<Throughput>[] => [
  { header: processes, cell: (run) => String(run.processes) },
  { header: 'executions', cell: (run) => String(run.executions) },
  { header: 'admitted/s', cell: (run) => run.admittedPerSec.toFixed(1) },
  { header: 'started/s', cell: (run) => run.startedPerSec.toFixed(1) },
  { header: 'completed/s', cell: (run) => run.completedPerSec.toFixed(1) },
];

export function formatScaleReport(report: ScaleBenchReport): string {
  const lines = [
    `bench/scale — Node ${report.node}, ${report.cpus} CPUs, built CLI; every run: ${report.executions} executions of input → http_request → output,`,
    `  the request answered by a provider stand-in on 127.0.0.1 after ${report.providerDelayMs} ms (I/O-bound); budgets unlimited`,
    '',
    `PostgreSQL (throwaway cluster): one \`serve --no-worker\` admits them all, then N \`worker --concurrency ${report.workerConcurrency}\` start together`,
    ...columnTable(columns('workers'), report.postgres),
    `  2 workers ÷ 1: ${ratio(report.postgres).toFixed(2)}× completed/s`,
    '',
    'SQLite (one home): N plain `serve`s (API and executions, default concurrency), the POSTs sent to each in turn',
    ...columnTable(columns('serves'), report.sqlite),
    `  2 processes ÷ 1: ${ratio(report.sqlite).toFixed(2)}× completed/s`,
    '',
    'admitted/s: POST /run answered per second (16 clients); started/s: executions taken up (QUEUED → RUNNING),',
    "first start to last start; completed/s: first start to last end; both from the executions' own startedAt and",
    'endedAt.',
    '',
    'Targets (information only):',
    ...formatTargets(report.targets),
  ];
  return `${lines.join('\n')}\n`;
}
