import { afterEach, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

describe('built CLI: an execution with no pg-boss job on PostgreSQL', () => {
  const newDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  it('is handed out and run by a worker already running, without a restart', async () => {
    const databaseUrl = await newDatabase();
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl });
    standIns.fal.knobs.hang = false;
    const api = await startApi(env);
    const created = await call(api.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    await startWorker(env);

    // As an admission whose send failed after its commit leaves it: QUEUED, nobody's, no job.
    const store = await openPostgresStore({ url: databaseUrl });
    try {
      // The one account `serve` bootstrapped with the admin key.
      const account = await store.accounts.first();
      const input = {
        accountId: account!.id,
        workflowId: created.json.data.id,
        workflowVersion: 1,
        inputs: {},
        options: {},
        trigger: 'execute' as const,
      };
      await store.executions.create('exec_without_job', input, []);
    } finally {
      await store.close();
    }
    await eventually(async () => expect(await executionView(api, 'exec_without_job')).toMatchObject({ status: 'COMPLETED' }));
  });
});
