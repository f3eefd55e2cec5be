import type { LoadResult } from '../support/load.js';
import type { TargetResult } from '../support/targets.js';

/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface EndpointResult extends LoadResult {
  /** reqPerSec ÷ the ceiling's. */
  ratioToCeiling: number;
}

export interface ApiBenchReport {
  node: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  logLevel: string;
  /** Bytes of the `GET /workflows/{id}` response, which the ceiling serves verbatim. */
  responseBytes: number;
  lintBodyBytes: number;
  endpoints: EndpointResult[];
  targets: TargetResult[];
}
