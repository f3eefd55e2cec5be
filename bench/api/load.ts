import autocannon, { type Result } from 'autocannon';
import type { ChildServer } from './child.js';
import type { EndpointResult } from './results.js';

export interface Endpoint {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  server: ChildServer<unknown>;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

const progress = (message: string): boolean => process.stderr.write(`bench/api: ${message}\n`);

/**
 * Warm-up (discarded: it times the JIT and the first allocations), then the measured run, with
 * the CPU each side spent during it: a client near 100% means autocannon, not the server, set
 * the pace. Any non-2xx or connection error aborts the bench: a 401 or 429 answers faster than
 * a real response and would flatter the figures.
 */
export async function loadEndpoint(endpoint: Endpoint, options: LoadOptions): Promise<Omit<EndpointResult, 'ratioToCeiling'>> {
  const request = { url: endpoint.url, method: endpoint.method, headers: endpoint.headers, connections: options.connections, ...(endpoint.body !== undefined && { body: endpoint.body }) };
  progress(`${endpoint.name}: ${options.warmupSec} s warm-up, then ${options.durationSec} s at ${options.connections} connections…`);
  refuseFailures(endpoint.name, 'warm-up', await autocannon({ ...request, duration: options.warmupSec }));
  const serverBefore = await endpoint.server.cpuMs();
  const clientBefore = process.cpuUsage();
  const result = await autocannon({ ...request, duration: options.durationSec });
  const client = process.cpuUsage(clientBefore);
  const serverMs = (await endpoint.server.cpuMs()) - serverBefore;
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
  const statuses = Object.entries(result.statusCodeStats).map(([status, { count }]) => `${status}×${count}`).join(', ');
  throw new Error(`${name} ${phase}: ${result.non2xx} non-2xx (${statuses}), ${result.errors} errors (${result.timeouts} timeouts); figures would be meaningless`);
}
