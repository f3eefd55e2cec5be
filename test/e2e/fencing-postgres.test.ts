import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { node, wire } from './support/main-graph.js';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, standInHome, startApi, startWorker } from './support/workers.js';

/**
 * Two paid fal jobs one after the other: a worker that resumes after its execution was taken over
 * would, unfenced, go on from the first to submit the second a second time.
 */
const TWO_JOBS = {
  name: 'fenced',
  nodes: [
    node('brief', 'input:text', { prompt: 'a lighthouse at dusk, oil on canvas' }),
    node('poster', 'generate:flux_2', { image_size: 'landscape_4_3' }),
    node('large', 'generate:esrgan'),
    node('result', 'output:result', { name: 'large' }),
  ],
  edges: [wire('brief', 'text', 'poster', 'prompt'), wire('poster', 'images', 'large', 'image'), wire('large', 'image', 'result', 'value')],
};

async function query<Row extends pg.QueryResultRow>(databaseUrl: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return (await pool.query<Row>(text, values)).rows;
  } finally {
    await pool.end();
  }
}

/** The pid in the owner token (`<host>/<pid>/<uuid>`) of the process holding the execution. */
async function holderPid(databaseUrl: string, executionId: string): Promise<number | undefined> {
  const [row] = await query<{ runner: string | null }>(databaseUrl, 'select runner from executions where id = $1', [executionId]);
  return row?.runner ? Number(row.runner.split('/')[1]) : undefined;
}

describe('built CLI on PostgreSQL: fencing a worker that stalled past its lease', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('a SIGSTOPped worker whose execution was taken over writes nothing once resumed: one submit and one charge per node, one completion', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl });
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', TWO_JOBS);
    expect(created.status).toBe(201);
    const stalled = await startWorker(env);
    const started = await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, {});
    const executionId: string = started.json.executionId;
    // Stopped only once the poster's fal job is stored, so that the taker re-attaches to it.
    await eventually(async () => {
      expect(standIns.fal.counters.submits).toBe(1);
      expect(await holderPid(databaseUrl, executionId)).toBe(stalled.pid);
      const stored = await query(databaseUrl, "select 1 from node_runs where execution_id = $1 and node_id = 'poster' and provider_job_ids is not null", [
        executionId,
      ]);
      expect(stored).toHaveLength(1);
    });

    // Stalled, not dead: its lease (3 s) ends and the other worker takes the execution over.
    stalled.kill('SIGSTOP');
    const taker = await startWorker(env);
    await eventually(async () => expect(await holderPid(databaseUrl, executionId)).toBe(taker.pid));
    stalled.kill('SIGCONT');
    standIns.fal.knobs.hang = false;

    await eventually(async () => expect(await executionView(api, executionId)).toMatchObject({ status: 'COMPLETED' }));
    const view = await executionView(api, executionId);
    // The resumed worker neither submitted the second job again nor cancelled the first under the new holder.
    expect(standIns.fal.counters.submits).toBe(2);
    expect(standIns.fal.counters.cancels).toBe(0);
    expect(standIns.fal.refused).toEqual([]);
    const charges = await query<{ node_id: string; n: string; amount: string }>(
      databaseUrl,
      "select node_id, count(*) as n, sum(amount) as amount from credit_ledger where execution_id = $1 and reason = 'charge' group by node_id order by node_id",
      [executionId],
    );
    expect(charges.map((row) => [row.node_id, Number(row.n)])).toEqual([
      ['large', 1],
      ['poster', 1],
    ]);
    expect(-charges.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(view.credits);
    const balance = (await call(api.url, 'GET', '/developer/usage')).json.data.balance;
    expect(1000 - balance).toBe(view.credits);
    const completions = await query(databaseUrl, "select 1 from execution_events where execution_id = $1 and type = 'execution.completed'", [executionId]);
    expect(completions).toHaveLength(1);
    expect(stalled.exitCode).toBeNull();
  }, 90_000);
});
