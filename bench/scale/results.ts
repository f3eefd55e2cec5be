import type { TargetResult } from '../support/targets.js';
import type { ScaleBenchOptions } from './index.js';
import type { Throughput } from './measure.js';

/** The shape `--json` prints; the table is formatted from it. */
export interface ScaleBenchReport extends ScaleBenchOptions {
  node: string;
  cpus: number;
  /** 1 then 2 workers behind one `serve --no-worker`. */
  postgres: Throughput[];
  /** 1 then 2 `serve`s on one home. */
  sqlite: Throughput[];
  targets: TargetResult[];
}
