import type { TargetResult } from '../support/targets.js';
import type { McpEntryResult } from './results.js';

const STARTUP_MS = 400;
const POLL_MEDIAN_MS = 2;

/** Issue 5's targets, for every way of starting the server that was measured. */
export function mcpTargets(entries: readonly McpEntryResult[]): TargetResult[] {
  return entries.flatMap(({ name, startup, poll }) => [
    {
      target: `${name}: spawn → first tools/list ≤ ${STARTUP_MS} ms (median)`,
      actual: `${startup.medianMs.toFixed(0)} ms`,
      met: startup.medianMs <= STARTUP_MS,
    },
    {
      target: `${name}: poll_execution round trip ≤ ${POLL_MEDIAN_MS} ms (median)`,
      actual: `${poll.medianMs.toFixed(2)} ms`,
      met: poll.medianMs <= POLL_MEDIAN_MS,
    },
  ]);
}
