import type { LoadResult } from './load.js';
import type { Column } from './table.js';

const percent = (value: number): string => `${value.toFixed(0)}%`;

/** The columns of every autocannon run, in the order the reports print them. */
export const LOAD_COLUMNS: readonly Column<LoadResult>[] = [
  { header: 'endpoint', cell: (r) => r.endpoint },
  { header: 'req/s', cell: (r) => r.reqPerSec.toFixed(0) },
  { header: 'p50 ms', cell: (r) => String(r.p50Ms) },
  { header: 'p99 ms', cell: (r) => String(r.p99Ms) },
  { header: 'max ms', cell: (r) => String(r.maxMs) },
  { header: 'non-2xx', cell: (r) => String(r.non2xx) },
  { header: 'server CPU', cell: (r) => percent(r.serverCpuPercent) },
  { header: 'client CPU', cell: (r) => percent(r.clientCpuPercent) },
];
