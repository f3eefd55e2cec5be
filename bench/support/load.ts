import autocannon, { type Result } from 'autocannon';
import type { ChildServer } from './child.js';

export interface Endpoint {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Replace `[<id>]` in the headers and body with a fresh id per request (an Idempotency-Key). */
  idReplacement?: boolean;
  server: ChildServer<unknown>;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

export interface LoadResult {
  endpoint: string;
  /** autocannon's mean of per-second request counts over the measured run. */
  reqPerSec: number;
  requests: number;
  /** autocannon's histogram records whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Always 0 in a printed report: any other count fails the section. Kept as evidence. */
  non2xx: number;
  errors: number;
  /** CPU time ÷ wall time of the measured run; 100% is one core. */
  serverCpuPercent: number;
  clientCpuPercent: number;
}

const progress = (message: string): boolean => process.stderr.write(`bench: ${message}\n`);

/** One line of a load result, for a section that does not finish (see sections.ts). */
export const loadFigure = (result: LoadResult): string =>
  `${result.endpoint}: ${result.reqPerSec.toFixed(0)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, server CPU ${result.serverCpuPercent.toFixed(0)}%`;

/**
 * Warm-up (discarded: it times the JIT and the first allocations), then the measured run, with
 * the CPU each side spent during it: a client near 100% means autocannon, not the server, set
 * the pace. Any non-2xx or connection error fails the section: a 401 or 429 answers faster than
 * a real response and would flatter the figures.
 */
export async function loadEndpoint(endpoint: Endpoint, options: LoadOptions): Promise<LoadResult> {
  const request = {
    url: endpoint.url,
    method: endpoint.method,
    headers: endpoint.headers,
    connections: options.connections,
    ...(endpoint.body !== undefined && { body: endpoint.body }),
    ...(endpoint.idReplacement === true && { idReplacement: true }),
  };
  progress(`${endpoint.name}: ${options.warmupSec} s warm-up, then ${options.durationSec} s at ${options.connections} connections…`);
  refuseFailures(endpoint.name, 'warm-up', await autocannon({ ...request, duration: options.warmupSec }));
  const serverBefore = await endpoint.server.usage();
  const clientBefore = process.cpuUsage();
  const result = await autocannon({ ...request, duration: options.durationSec });
  const client = process.cpuUsage(clientBefore);
  const serverMs = (await endpoint.server.usage()).cpuMs - serverBefore.cpuMs;
  refuseFailures(endpoint.name, 'measured run', result);
  const wallMs = result.duration * 1000;
  return {
    endpoint: endpoint.name,
    reqPerSec: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    serverCpuPercent: (serverMs / wallMs) * 100,
    clientCpuPercent: ((client.user + client.system) / 1000 / wallMs) * 100,
  };
}

function refuseFailures(name: string, phase: string, result: Result): void {
  if (result.non2xx === 0 && result.errors === 0) return;
  const statuses = Object.entries(result.statusCodeStats)
    .map(([status, { count }]) => `${status}×${count}`)
    .join(', ');
  throw new Error(
    `${name} ${phase}: ${result.non2xx} non-2xx (${statuses}), ${result.errors} errors (${result.timeouts} timeouts); figures would be meaningless`,
  );
}
