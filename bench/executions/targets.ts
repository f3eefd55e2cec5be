import type { TargetResult } from '../support/targets.js';
import type { ExecutionsBenchReport } from './results.js';

const STARTS_PER_SEC = 200;
const POLLS_PER_SEC = 2_000;
const IN_FLIGHT_RSS_MB = 300;

/** Issue 4's targets (item 8 and "Targets"). */
export function executionsTargets(report: Omit<ExecutionsBenchReport, 'targets'>): TargetResult[] {
  const { start, poll, inFlight } = report;
  return [
    { target: `executions started ≥ ${STARTS_PER_SEC}/s (POST /run)`, actual: `${start.reqPerSec.toFixed(0)}/s`, met: start.reqPerSec >= STARTS_PER_SEC },
    { target: `GET …/poll ≥ ${POLLS_PER_SEC.toLocaleString('en')} req/s`, actual: `${poll.reqPerSec.toFixed(0)} req/s`, met: poll.reqPerSec >= POLLS_PER_SEC },
    {
      target: `${inFlight.executions.toLocaleString('en')} executions in flight under ${IN_FLIGHT_RSS_MB} MB RSS`,
      actual: `${inFlight.rssInFlightMb.toFixed(0)} MB`,
      met: inFlight.rssInFlightMb < IN_FLIGHT_RSS_MB,
    },
  ];
}
