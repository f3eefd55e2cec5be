import type { TargetResult } from '../support/targets.js';
import type { EndpointResult } from './results.js';

export const CEILING = 'node:http ceiling';
export const GET_WORKFLOW = 'GET /workflows/{id}';
export const LINT = 'POST /workflows/lint';

/** Issue 3's targets, checked on the `GET /workflows/{id}` figures. */
export function apiTargets(get: EndpointResult, connections: number): TargetResult[] {
  return [
    {
      target: `${GET_WORKFLOW} ≥ 50% of the node:http ceiling's req/s`,
      actual: `${(get.ratioToCeiling * 100).toFixed(1)}%`,
      met: get.ratioToCeiling >= 0.5,
    },
    { target: `${GET_WORKFLOW} p99 < 20 ms at ${connections} connections`, actual: `${get.p99Ms} ms`, met: get.p99Ms < 20 },
  ];
}
