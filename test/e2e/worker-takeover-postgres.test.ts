import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

const EXECUTIONS = 6;

/** The pid in the owner token (`<host>/<pid>/<uuid>`) of the process that holds the execution. */
async function holderPid(databaseUrl: string, executionId: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<{ runner: string }>('select runner from executions where id = $1', [executionId]);
    return Number(rows[0]!.runner.split('/')[1]);
  } finally {
    await pool.end();
  }
}

describe('built CLI: `serve --no-worker` and two workers on PostgreSQL', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('the runs of a worker SIGKILLed mid-job are taken over by the other once their leases end: all COMPLETED, one fal submit each', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl });
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const workers = await Promise.all([startWorker(env), startWorker(env)]);
    const ids: string[] = [];
    for (let i = 0; i < EXECUTIONS; i++) {
      const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
      expect(started.status).toBe(201);
      ids.push(started.json.executionId);
    }
    await eventually(() => expect(standIns.fal.counters.submits).toBe(EXECUTIONS));

    const pid = await holderPid(databaseUrl, ids[0]!);
    const victim = workers.find((worker) => worker.pid === pid);
    expect(victim).toBeDefined();
    victim!.kill('SIGKILL');
    standIns.fal.knobs.hang = false;

    for (const id of ids) await eventually(async () => expect(await executionView(api, id)).toMatchObject({ status: 'COMPLETED' }));
    expect(standIns.fal.counters.submits).toBe(EXECUTIONS);
    let credits = 0;
    for (const id of ids) credits += (await executionView(api, id)).credits;
    const balance = (await call(api.url, 'GET', '/developer/usage')).json.data.balance;
    expect(1000 - balance).toBe(credits);
  });
});
