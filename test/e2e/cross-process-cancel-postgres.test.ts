import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

/** Sessions of the database LISTENing for cancels. */
async function listeners(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ n: string }>(
      "select count(*) as n from pg_stat_activity where datname = current_database() and query = 'LISTEN pipewright_cancel'",
    );
    return Number(rows[0]!.n);
  } finally {
    await pool.end();
  }
}

describe('built CLI on PostgreSQL: a cancel sent to an API process reaches the worker running the execution', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('the worker, LISTENing, aborts the run and cancels its fal job; row and ledger agree', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl });
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    await startWorker(env);
    // The worker listens on a connection of its own; the API process, running nothing, does not.
    await eventually(async () => expect(await listeners(databaseUrl)).toBe(1));
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    const executionId: string = started.json.executionId;
    await eventually(() => expect(standIns.fal.counters.submits).toBe(1));

    const cancelled = await call(api.url, 'POST', `/workflows/executions/${executionId}/cancel`);
    expect(cancelled).toMatchObject({ status: 202, json: { data: { executionId, status: 'CANCELLED' } } });
    await eventually(() => expect(standIns.fal.counters.cancels).toBe(1));
    await eventually(async () =>
      expect((await executionView(api, executionId)).nodes.find((n: { nodeId: string }) => n.nodeId === 'poster').status).toBe('CANCELLED'),
    );
    const view = await executionView(api, executionId);
    expect(view.status).toBe('CANCELLED');
    const balance = (await call(api.url, 'GET', '/developer/usage')).json.data.balance;
    expect(1000 - balance).toBe(view.credits);
    expect(standIns.fal.counters.submits).toBe(1);
    expect(standIns.fal.counters.results).toBe(0);
  });
});
