import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { assertFreshBuild, type BuiltServer, killServed, serveBuilt, spawnBuilt } from '../../support/built-cli.js';
import { node, wire } from './main-graph.js';
import { ADMIN_KEY, call } from './rest.js';
import { startStandIns, type StandIns } from './stand-ins.js';

/**
 * brief → caption (a paid chat node that answers at once) → poster (a fal image job that stays
 * IN_PROGRESS while `hang` is set) → result: a worker that dies mid-run leaves one node COMPLETED
 * and one fal job submitted.
 */
const CHAIN = [
  { id: 'brief', type: 'input:text', config: { prompt: 'a lighthouse at dusk, oil on canvas' }, input: '', output: 'text' },
  { id: 'caption', type: 'llm:gpt_4o_mini', config: {}, input: 'prompt', output: 'text' },
  { id: 'poster', type: 'generate:flux_2', config: { image_size: 'landscape_4_3' }, input: 'prompt', output: 'images' },
  { id: 'result', type: 'output:result', config: { name: 'poster' }, input: 'value', output: '' },
];

/** Each step of CHAIN fed by the one before it. */
export const GRAPH = {
  name: 'taken over',
  nodes: CHAIN.map((step) => node(step.id, step.type, step.config)),
  edges: CHAIN.slice(1).map((step, i) => wire(CHAIN[i]!.id, CHAIN[i]!.output, step.id, step.input)),
};

/** A short lease (renewed every second), so a dead worker's runs move on within seconds. */
const SHORT_LEASE = { PIPEWRIGHT_LEASE_SECONDS: '3', PIPEWRIGHT_CLAIM_POLL_MS: '200' };

/** Waits for `check` to pass, looking every 50 ms; fails after 30 s (a bound, not a measure). */
export const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 30_000, interval: 50 });

const workers: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

/** `pipewright worker` (with `args`: `--concurrency 5`, say), resolved once it logs that it runs. */
export function startWorker(env: Record<string, string>, args: string[] = []): Promise<ChildProcess> {
  const child = spawnBuilt(['worker', ...args], env);
  child.stdin!.end();
  workers.push(child);
  let stderr = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/"msg":"worker running"/.test(stderr)) resolve(child);
    });
    child.on('close', (code) => reject(new Error(`pipewright worker exited ${code} before running:\n${stderr}`)));
  });
}

/**
 * A fresh home, provider stand-ins whose fal jobs stay IN_PROGRESS until `hang` is cleared, and
 * the environment every process of the test shares (`extra`: the database URL, say).
 */
export async function standInHome(extra: Record<string, string> = {}): Promise<{ standIns: StandIns; env: Record<string, string> }> {
  assertFreshBuild();
  const home = await mkdtemp(join(tmpdir(), 'pw-e2e-worker-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const standIns = await startStandIns();
  cleanups.push(() => standIns.close());
  standIns.fal.knobs.hang = true;
  return { standIns, env: { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env, ...SHORT_LEASE, ...extra } };
}

/** `serve --no-worker`, with the admin key; the tests poll it, so no per-minute limit on requests. */
export function startApi(env: Record<string, string>): Promise<BuiltServer> {
  return serveBuilt({ ...env, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_REQUESTS_PER_MINUTE: 'unlimited' }, ['--no-worker']);
}

/** The execution as the API reads it. */
export async function executionView(api: BuiltServer, executionId: string) {
  return (await call(api.url, 'GET', `/workflows/executions/${executionId}`)).json.data;
}

/** For afterEach: kills what the test started and removes its home and stand-ins. */
export async function cleanUpWorkers(): Promise<void> {
  killServed();
  for (const child of workers.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
}
