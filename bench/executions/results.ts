import type { LoadResult } from '../support/load.js';
import type { TargetResult } from '../support/targets.js';
import type { CompletionTiming } from './completion.js';
import type { InFlightResult } from './in-flight.js';

/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface ExecutionsBenchReport {
  node: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  logLevel: string;
  pipelineNodes: number;
  /** `POST /workflows/{id}/run` under autocannon, a fresh Idempotency-Key per request. */
  start: LoadResult;
  /** Time for the backlog the start phase left to finish, before the next phase. */
  startBacklogDrainMs: number;
  completion: CompletionTiming;
  /** `GET /workflows/executions/{id}/poll` of a completed execution under autocannon. */
  poll: LoadResult;
  inFlight: InFlightResult;
  targets: TargetResult[];
}
