import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

const EXECUTIONS = 30;
/** Per worker: with every fal job held IN_PROGRESS, both workers are full long before all 30 have started. */
const CONCURRENCY = 5;

/** Runs one query on the test's database. */
async function query<Row extends pg.QueryResultRow>(databaseUrl: string, text: string): Promise<Row[]> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return (await pool.query<Row>(text)).rows;
  } finally {
    await pool.end();
  }
}

/** Pids (from the owner token `<host>/<pid>/<uuid>`) of the processes holding RUNNING executions. */
async function runningHolders(databaseUrl: string): Promise<number[]> {
  const rows = await query<{ runner: string }>(databaseUrl, "select runner from executions where status = 'RUNNING' and runner is not null");
  return rows.map((row) => Number(row.runner.split('/')[1]));
}

describe('built CLI on PostgreSQL: two `serve --no-worker` and two workers, the queue on pg-boss', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('30 executions admitted through both APIs all COMPLETE with one fal submit each, although a worker is SIGKILLed mid-run', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl, PIPEWRIGHT_EXECUTIONS_PER_MINUTE: 'unlimited' });
    const apis = [await startApi(env), await startApi(env)];
    const created = await call(apis[0]!.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const workers = await Promise.all([startWorker(env, ['--concurrency', String(CONCURRENCY)]), startWorker(env, ['--concurrency', String(CONCURRENCY)])]);

    const ids: string[] = [];
    for (let i = 0; i < EXECUTIONS; i++) {
      // force: every run calls the providers, rather than reusing the first runs' cached outputs.
      const started = await call(apis[i % 2]!.url, 'POST', `/workflows/${created.json.data.id}/execute`, { force: true });
      expect(started.status).toBe(201);
      ids.push(started.json.executionId);
    }
    // Both workers full: each holds CONCURRENCY runs whose fal job stays IN_PROGRESS.
    await eventually(() => expect(standIns.fal.counters.submits).toBe(2 * CONCURRENCY));

    const holders = await runningHolders(databaseUrl);
    const victim = workers.find((worker) => holders.includes(worker.pid!));
    expect(victim).toBeDefined();
    victim!.kill('SIGKILL');
    // From here each fal job answers after a few status checks: the delay of a real provider.
    standIns.fal.knobs.runningPolls = 2;
    standIns.fal.knobs.hang = false;

    // A bound, not a measure: the survivor runs the other 25, 5 at a time, and takes over the dead one's 5 after their leases.
    await vi.waitFor(
      async () => {
        for (const id of ids) expect(await executionView(apis[1]!, id)).toMatchObject({ status: 'COMPLETED' });
      },
      { timeout: 120_000, interval: 500 },
    );
    expect(standIns.fal.counters.submits).toBe(EXECUTIONS);
    expect(standIns.fal.refused).toEqual([]);
    const chats = standIns.openai.requests.filter((request) => request.path === '/v1/chat/completions');
    expect(chats).toHaveLength(EXECUTIONS);
    let credits = 0;
    for (const id of ids) credits += (await executionView(apis[0]!, id)).credits;
    const balance = (await call(apis[0]!.url, 'GET', '/developer/usage')).json.data.balance;
    expect(1000 - balance).toBe(credits);
    // The hand-outs went through pg-boss: its queue holds (or archived) a job per admission at least.
    const [jobs] = await query<{ n: string }>(
      databaseUrl,
      "select (select count(*) from pgboss.job where name = 'pipewright-executions') + (select count(*) from pgboss.archive where name = 'pipewright-executions') as n",
    );
    expect(Number(jobs!.n)).toBeGreaterThanOrEqual(EXECUTIONS);
  }, 180_000);

  it('runs what an API admitted while no worker ran, once a worker starts', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl });
    standIns.fal.knobs.hang = false;
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(api.url, 'POST', `/workflows/${created.json.data.id}/execute`, { force: true })).json.executionId);
    for (const id of ids) expect(await executionView(api, id)).toMatchObject({ status: 'QUEUED' });

    await startWorker(env);
    for (const id of ids) await eventually(async () => expect(await executionView(api, id)).toMatchObject({ status: 'COMPLETED' }));
    expect(standIns.fal.counters.submits).toBe(3);
  });
});
