import type { TargetResult } from '../support/targets.js';
import type { SkippedEntry } from './entries.js';
import type { PollTiming } from './poll.js';
import type { StartupTiming } from './startup.js';

/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface McpEntryResult {
  name: string;
  command: string;
  startup: StartupTiming;
  poll: PollTiming;
}

export interface McpBenchReport {
  node: string;
  startupRuns: number;
  pollWarmup: number;
  pollCalls: number;
  entries: McpEntryResult[];
  skipped: SkippedEntry[];
  targets: TargetResult[];
}
