import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertFreshBuild, killServed, serveBuilt, type BuiltServer } from '../support/built-cli.js';
import { until } from '../support/until.js';
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

  it('the running process cancels the provider job, both read CANCELLED, and the ledger stays as the row says', { timeout: 60_000 }, async () => {
    const env = { PIPEWRIGHT_HOME: home, PIPEWRIGHT_ALLOW_PRIVATE_NETWORK: '1', ...standIns.env };
    const a = await serveBuilt({ ...env, PIPEWRIGHT_API_KEY: ADMIN_KEY });
    // B finds the account and key A created in the shared store.
    const b = await serveBuilt(env);

    const created = await call(a.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const started = await call(a.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    expect(started.status).toBe(201);
    const executionId: string = started.json.executionId;
    await until(() => standIns.fal.counters.submits === 1, 15_000, 'A submits the fal job');

    const cancelled = await call(b.url, 'POST', `/workflows/executions/${executionId}/cancel`);
    expect(cancelled).toMatchObject({ status: 202, json: { data: { executionId, status: 'CANCELLED' } } });
    await until(() => standIns.fal.counters.cancels === 1, 15_000, 'A asks fal to cancel the job');

    const spent = 1000 - (await balance(b));
    expect(spent).toBeGreaterThan(0);
    const settled = async (server: BuiltServer) => {
      const { json } = await call(server.url, 'GET', `/workflows/executions/${executionId}`);
      expect(json.data).toMatchObject({ status: 'CANCELLED', credits: spent });
      expect(json.data.nodes.map((n: { nodeId: string; status: string }) => [n.nodeId, n.status])).toEqual([
        ['idea', 'COMPLETED'],
        ['rewrite', 'COMPLETED'],
        ['shot', 'CANCELLED'],
        ['out', 'CANCELLED'],
      ]);
      expect(await balance(server)).toBe(1000 - spent);
    };
    await settled(a);
    await settled(b);
    // A late write by A (a charge, a node finishing) would land before A's graceful stop ends: once
    // A has exited it cannot write, so what B reads then is final.
    await a.stop();
    expect(await a.exit).toBe(0);
    await settled(b);
    expect(standIns.fal.counters.submits).toBe(1);
    expect(standIns.fal.counters.results).toBe(0);
  });
});
