import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CANCEL_POLL_MS } from '../../src/service/executions/store-poll-cancel-feed.js';
import { assertFreshBuild, killServed, serveBuilt, type BuiltServer } from '../support/built-cli.js';
import { node, wire } from './support/main-graph.js';
import { ADMIN_KEY, call } from './support/rest.js';
import { startStandIns, type StandIns } from './support/stand-ins.js';

/** A paid chat node that answers at once, then a fal image job that stays IN_PROGRESS until cancelled. */
const GRAPH = {
  name: 'cancelled elsewhere',
  nodes: [
    node('idea', 'input:text', { prompt: 'a red sneaker on white marble' }),
    node('rewrite', 'llm:gpt_4o_mini'),
    node('shot', 'generate:flux_2', { image_size: 'square' }),
    node('out', 'output:result', { name: 'shot' }),
  ],
  edges: [wire('idea', 'text', 'rewrite', 'prompt'), wire('rewrite', 'text', 'shot', 'prompt'), wire('shot', 'images', 'out', 'value')],
};

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not in ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const balance = async (server: BuiltServer): Promise<number> => (await call(server.url, 'GET', '/developer/usage')).json.data.balance;

describe('built CLI: two `serve` on one home, a run of one cancelled through the other', () => {
  let home: string;
  let standIns: StandIns;

  beforeEach(async () => {
    assertFreshBuild();
    home = await mkdtemp(join(tmpdir(), 'pw-e2e-cancel-'));
    standIns = await startStandIns();
    standIns.fal.knobs.hang = true;
  });

  afterEach(async () => {
    killServed();
    await standIns.close();
    await rm(home, { recursive: true, force: true });
  });

  it('the running process cancels the provider job, both read CANCELLED, and the ledger stays as the row says', async () => {
    const env = { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env };
    const a = await serveBuilt({ ...env, PIPEWRIGHT_API_KEY: ADMIN_KEY });
    // B finds the account and key A created in the shared store.
    const b = await serveBuilt(env);

    const created = await call(a.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const started = await call(a.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    expect(started.status).toBe(201);
    const executionId: string = started.json.executionId;
    await until(() => standIns.fal.counters.submits === 1, 'A submits the fal job');

    const cancelled = await call(b.url, 'POST', `/workflows/executions/${executionId}/cancel`);
    expect(cancelled).toMatchObject({ status: 202, json: { data: { executionId, status: 'CANCELLED' } } });
    await until(() => standIns.fal.counters.cancels === 1, 'A asks fal to cancel the job');

    const spent = 1000 - (await balance(b));
    for (const server of [a, b]) {
      const { json } = await call(server.url, 'GET', `/workflows/executions/${executionId}`);
      expect(json.data).toMatchObject({ status: 'CANCELLED', credits: spent });
      expect(json.data.nodes.map((n: { nodeId: string; status: string }) => [n.nodeId, n.status])).toEqual([
        ['idea', 'COMPLETED'],
        ['rewrite', 'COMPLETED'],
        ['shot', 'CANCELLED'],
        ['out', 'CANCELLED'],
      ]);
    }
    expect(spent).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, CANCEL_POLL_MS));
    expect([await balance(a), await balance(b)]).toEqual([1000 - spent, 1000 - spent]);
    expect(standIns.fal.counters.submits).toBe(1);
    expect(standIns.fal.counters.results).toBe(0);
  });
});
