import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertFreshBuild, killServed, serveBuilt, spawnBuilt } from '../support/built-cli.js';
import { node, wire } from './support/main-graph.js';
import { ADMIN_KEY, call } from './support/rest.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

/**
 * brief → caption (a paid chat node that answers at once) → poster (a fal image job that stays
 * IN_PROGRESS while `hang` is set) → result: the worker that dies leaves one node COMPLETED and
 * one fal job submitted.
 */
const GRAPH = {
  name: 'taken over',
  nodes: [
    node('brief', 'input:text', { prompt: 'a lighthouse at dusk, oil on canvas' }),
    node('caption', 'llm:gpt_4o_mini'),
    node('poster', 'generate:flux_2', { image_size: 'landscape_4_3' }),
    node('result', 'output:result', { name: 'poster' }),
  ],
  edges: [wire('brief', 'text', 'caption', 'prompt'), wire('caption', 'text', 'poster', 'prompt'), wire('poster', 'images', 'result', 'value')],
};

/** A short lease (renewed every second), so a dead worker's run moves on within seconds. */
const SHORT_LEASE = { PIPEWRIGHT_LEASE_SECONDS: '3', PIPEWRIGHT_CLAIM_POLL_MS: '200' };

/** Waits for `check` to pass, looking every 50 ms; fails after 20 s (a bound, not a measure). */
const eventually = (check: () => unknown) => vi.waitFor(check, { timeout: 20_000, interval: 50 });

const workers: ChildProcess[] = [];

/** `pipewright worker`, resolved once it logs that it runs. */
function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawnBuilt(['worker'], env);
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

/** A fresh home and provider stand-ins whose fal jobs stay IN_PROGRESS until `hang` is cleared. */
async function standInHome(): Promise<{ home: string; standIns: StandIns }> {
  assertFreshBuild();
  const home = await mkdtemp(join(tmpdir(), 'pw-e2e-worker-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const standIns = await startStandIns();
  cleanups.push(() => standIns.close());
  standIns.fal.knobs.hang = true;
  return { home, standIns };
}

const cleanups: Array<() => Promise<void>> = [];

describe('built CLI: `serve --no-worker` and workers on one SQLite home', () => {
  afterEach(async () => {
    killServed();
    for (const child of workers.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp();
  });

  it('a worker runs what the API admits; SIGKILLed mid-job, another takes over once the lease ends, re-attaches the fal job and completes', async () => {
    const { home, standIns } = await standInHome();
    const env = { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env, ...SHORT_LEASE };
    // The test polls the API for the status: no per-minute limit on its requests.
    const api = await serveBuilt({ ...env, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_REQUESTS_PER_MINUTE: 'unlimited' }, ['--no-worker']);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    expect(started.status).toBe(201);
    const executionId: string = started.json.executionId;
    const status = async () => (await call(api.url, 'GET', `/workflows/executions/${executionId}`)).json.data;
    expect(await status()).toMatchObject({ status: 'QUEUED' });

    const first = await startWorker(env);
    await eventually(() => expect(standIns.fal.counters.submits).toBe(1));
    // The second starts while the first lives and holds the lease: it must wait for the lease to end.
    await startWorker(env);
    first.kill('SIGKILL');
    standIns.fal.knobs.hang = false;

    await eventually(async () => expect(await status()).toMatchObject({ status: 'COMPLETED' }));
    const done = await status();
    expect(done.nodes.map((n: { nodeId: string; status: string }) => [n.nodeId, n.status])).toEqual([
      ['brief', 'COMPLETED'],
      ['caption', 'COMPLETED'],
      ['poster', 'COMPLETED'],
      ['result', 'COMPLETED'],
    ]);
    expect(standIns.fal.counters.submits).toBe(1);
    const balance = (await call(api.url, 'GET', '/developer/usage')).json.data.balance;
    expect(1000 - balance).toBe(done.credits);
  });
});
