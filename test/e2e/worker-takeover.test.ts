import { afterEach, describe, expect, it } from 'vitest';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

describe('built CLI: `serve --no-worker` and workers on one SQLite home', () => {
  afterEach(cleanUpWorkers);

  it('a worker runs what the API admits; SIGKILLed mid-job, another takes over once the lease ends, re-attaches the fal job and completes', async () => {
    const { standIns, env } = await standInHome();
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    expect(started.status).toBe(201);
    const executionId: string = started.json.executionId;
    expect(await executionView(api, executionId)).toMatchObject({ status: 'QUEUED' });

    const first = await startWorker(env);
    await eventually(() => expect(standIns.fal.counters.submits).toBe(1));
    // The second starts while the first lives and holds the lease: it must wait for the lease to end.
    await startWorker(env);
    first.kill('SIGKILL');
    standIns.fal.knobs.hang = false;

    await eventually(async () => expect(await executionView(api, executionId)).toMatchObject({ status: 'COMPLETED' }));
    const done = await executionView(api, executionId);
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
