import { setTimeout as delay } from 'node:timers/promises';
import type { ChildServer } from '../support/child.js';
import type { Defer } from '../support/scope.js';
import { INPUT_NODE } from '../support/workflows.js';
import type { ApiClient } from './client.js';
import { drain } from './execution-state.js';
import { startSlowServer, type SlowServer } from './slow-server.js';

export interface InFlightResult {
  executions: number;
  /** Requests the slow server was holding while RSS was sampled: nodes actually waiting on it. */
  heldRequests: number;
  rssIdleMb: number;
  /** The largest of the samples taken with every execution accepted and none finished. */
  rssInFlightMb: number;
  /** From release of the slow server until none is QUEUED or RUNNING. */
  drainMs: number;
}

/** The run route's batch limit (MAX_BATCH): one execution per input set. */
const BATCH = 100;
const SAMPLES = 10;
const SAMPLE_EVERY_MS = 200;
const SETTLE_TIMEOUT_MS = 10_000;
const DRAIN_TIMEOUT_MS = 120_000;

const mb = (bytes: number): number => bytes / 1024 / 1024;

/** Until the slow server's count of held requests has not moved for a while (the engine's limits reached). */
async function heldSettled(slow: SlowServer): Promise<number> {
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  let last = -1;
  while (slow.held() !== last && performance.now() < deadline) {
    last = slow.held();
    await delay(250);
  }
  return slow.held();
}

/**
 * Starts `executions` runs of a workflow whose http_request node waits on a server that answers
 * nothing until released, so every one is accepted and none can finish; samples the server's
 * RSS; then releases them all and waits for every one to complete.
 */
export async function measureInFlight(
  defer: Defer,
  api: ApiClient,
  server: ChildServer<unknown>,
  options: { waitId: string; executions: number },
): Promise<InFlightResult> {
  const slow = await startSlowServer();
  defer(() => slow.close());
  // Released on the way out too, so that the server's shutdown is not left waiting on held nodes.
  defer(async () => slow.release());
  const rssIdleMb = mb((await server.usage()).rssBytes);
  for (let started = 0; started < options.executions; started += BATCH) {
    const size = Math.min(BATCH, options.executions - started);
    await api.post(`/workflows/${options.waitId}/run`, { inputs: Array.from({ length: size }, () => ({ [INPUT_NODE]: slow.url })) });
  }
  const heldRequests = await heldSettled(slow);
  if (heldRequests === 0) throw new Error('no http_request reached the slow server: is PIPEWRIGHT_ALLOW_PRIVATE_NETWORK=1 set for the server?');
  let rssInFlightMb = 0;
  for (let i = 0; i < SAMPLES; i++) {
    rssInFlightMb = Math.max(rssInFlightMb, mb((await server.usage()).rssBytes));
    await delay(SAMPLE_EVERY_MS);
  }
  slow.release();
  const drainMs = await drain(api, DRAIN_TIMEOUT_MS);
  return { executions: options.executions, heldRequests, rssIdleMb, rssInFlightMb, drainMs };
}
