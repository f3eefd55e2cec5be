import { LOAD_COLUMNS } from '../support/load-columns.js';
import { columnTable } from '../support/table.js';
import { formatTargets } from '../support/targets.js';
import type { ExecutionsBenchReport } from './results.js';

export function formatExecutionsReport(report: ExecutionsBenchReport): string {
  const { completion: c, inFlight: f } = report;
  const lines = [
    `bench/executions — Node ${report.node}, real server in a child process (SQLite store, log level ${report.logLevel}, budgets and daily caps out of reach)`,
    `  ${report.pipelineNodes}-node offline pipeline: input:text → prompt_template → text_split → prompt_concat → output:result`,
    '',
    `autocannon on 127.0.0.1, ${report.connections} connections, ${report.warmupSec} s warm-up + ${report.durationSec} s each`,
    '',
    ...columnTable(LOAD_COLUMNS, [report.start, report.poll]),
    `  the ${report.start.requests.toLocaleString('en')} started executions (and the warm-up's) then took ${(report.startBacklogDrainMs / 1000).toFixed(1)} s more to finish`,
    '',
    `POST /run → COMPLETED, ${c.clients} clients each starting one, polling every ${c.pollIntervalMs} ms until it completes, then the next; ${c.executions.toLocaleString('en')} in all`,
    `  p50 ${c.p50Ms.toFixed(0)} ms   p99 ${c.p99Ms.toFixed(0)} ms   max ${c.maxMs.toFixed(0)} ms   ${c.completedPerSec.toFixed(0)} completed/s`,
    '',
    `${f.executions.toLocaleString('en')} executions in flight (http_request held by a loopback server that answers nothing until released)`,
    `  server RSS idle ${f.rssIdleMb.toFixed(0)} MB → ${f.rssInFlightMb.toFixed(0)} MB in flight; ${f.heldRequests} requests held (the rest wait in the server's queue); all completed ${(f.drainMs / 1000).toFixed(1)} s after release`,
    '',
    ...formatTargets(report.targets),
    '',
    "req/s = autocannon's mean of per-second counts; latencies in its whole milliseconds. CPU = CPU time ÷ wall",
    'time, 100% = one core. Any non-2xx, and any execution ending other than COMPLETED, fails the section.',
    'Targets are information only: they never change the exit code.',
  ];
  return `${lines.join('\n')}\n`;
}
