import type { TargetResult } from '../support/targets.js';
import type { Throughput } from './measure.js';
import type { ScaleBenchReport } from './results.js';

const WORKER_SPEED_UP = 1.7;
const SQLITE_KEPT = 0.8;

/** Two runs' completed/s, the second over the first. */
export const ratio = ([one, two]: Throughput[]): number => two!.completedPerSec / one!.completedPerSec;

/** Issue 14's goals (deliverable 7). */
export function scaleTargets(report: Omit<ScaleBenchReport, 'targets'>): TargetResult[] {
  const workers = ratio(report.postgres);
  const sqlite = ratio(report.sqlite);
  return [
    {
      target: `PostgreSQL: 2 workers ≥ ${WORKER_SPEED_UP}× one worker (completed/s, I/O-bound)`,
      actual: `${workers.toFixed(2)}×`,
      met: workers >= WORKER_SPEED_UP,
    },
    { target: 'SQLite: two processes within 20% of one (completed/s)', actual: `${sqlite.toFixed(2)}×`, met: sqlite >= SQLITE_KEPT },
  ];
}
