/** The shapes `--json` prints; the table is formatted from the same objects. */

export interface EndpointResult {
  endpoint: string;
  /** autocannon's mean of per-second request counts over the measured run. */
  reqPerSec: number;
  requests: number;
  /** autocannon's histogram records whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Always 0 in a printed report: any other count aborts the bench. Kept as evidence. */
  non2xx: number;
  errors: number;
  /** CPU time ÷ wall time of the measured run; 100% is one core. */
  serverCpuPercent: number;
  clientCpuPercent: number;
  /** reqPerSec ÷ the ceiling's. */
  ratioToCeiling: number;
}

export interface ApiTargetResult {
  target: string;
  actual: string;
  met: boolean;
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
  targets: ApiTargetResult[];
}
