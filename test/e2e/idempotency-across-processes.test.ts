import { afterEach, describe, expect, it } from 'vitest';
import { usePostgresCluster } from './support/postgres-cluster.js';
import { ADMIN_KEY, call } from './support/rest.js';
import { cleanUpWorkers, eventually, executionView, GRAPH, standInHome, startApi, startWorker } from './support/workers.js';

/** Sent to each API process, interleaved A, B, A, B…, all at once. */
const EACH = 5;
const KEY = '6f1c0b1e-3d1a-4b8e-9a51-2f0d7c1e9b42';

interface Answer {
  status: number;
  replayed: string | null;
  location: string | null;
  text: string;
}

/** POST `…/execute` with the Idempotency-Key; the raw answer, so a replay can be compared byte for byte. */
async function execute(base: string, workflowId: string): Promise<Answer> {
  const response = await fetch(`${base}/api/v1/workflows/${workflowId}/execute`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json', 'idempotency-key': KEY },
    body: JSON.stringify({}),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    location: response.headers.get('location'),
    text: await response.text(),
  };
}

describe('built CLI: one Idempotency-Key sent to two `serve --no-worker` processes on PostgreSQL', () => {
  const createDatabase = usePostgresCluster();
  afterEach(cleanUpWorkers);

  // docs/api.md "Idempotency": the first answer is replayed (same status, body and Location, with
  // `Idempotent-Replayed: true`), or 409 idempotency_key_in_use while the first is being handled.
  it('starts one execution, charged once, whichever process each request reaches', async () => {
    const databaseUrl = await createDatabase();
    // A replay counts against the rate limit like any request (docs/api.md "Idempotency") and these
    // 12 executes would pass the default 10 per minute: no cap, so no 429 muddles the answers.
    const { standIns, env } = await standInHome({ PIPEWRIGHT_DATABASE_URL: databaseUrl, PIPEWRIGHT_EXECUTIONS_PER_MINUTE: 'unlimited' });
    standIns.fal.knobs.hang = false;
    const a = await startApi(env);
    const b = await startApi(env);
    await startWorker(env);
    const created = await call(a.url, 'POST', '/workflows', GRAPH);
    expect(created.status).toBe(201);
    const workflowId: string = created.json.data.id;

    const bases = Array.from({ length: 2 * EACH }, (_, i) => (i % 2 === 0 ? a.url : b.url));
    const concurrent = await Promise.all(bases.map((base) => execute(base, workflowId)));
    // Once the first answer is stored, both processes replay it.
    const after = [await execute(a.url, workflowId), await execute(b.url, workflowId)];
    const answers = [...concurrent, ...after];

    const firsts = answers.filter((answer) => answer.status === 201 && answer.replayed === null);
    expect(firsts).toHaveLength(1);
    const first = firsts[0]!;
    const executionId: string = JSON.parse(first.text).executionId;
    expect(first.location).toBe(`/api/v1/workflows/executions/${executionId}`);
    for (const answer of answers.filter((other) => other !== first)) {
      if (answer.status === 409) {
        expect(JSON.parse(answer.text).error.code).toBe('idempotency_key_in_use');
      } else {
        expect(answer).toEqual({ ...first, replayed: 'true' });
      }
    }
    for (const answer of after) expect(answer).toEqual({ ...first, replayed: 'true' });

    await eventually(async () => expect(await executionView(a, executionId)).toMatchObject({ status: 'COMPLETED' }));
    for (const api of [a, b]) {
      const listed = await call(api.url, 'GET', `/workflows/executions?workflowId=${workflowId}`);
      expect(listed.status).toBe(200);
      expect(listed.json.data.map((execution: { id: string }) => execution.id)).toEqual([executionId]);
    }
    expect(standIns.fal.counters.submits).toBe(1);
    expect(standIns.openai.requests.filter((request) => request.path === '/v1/chat/completions')).toHaveLength(1);
    const { credits } = await executionView(b, executionId);
    expect(credits).toBeGreaterThan(0);
    const usage = (await call(b.url, 'GET', '/developer/usage')).json.data;
    expect(1000 - usage.balance).toBe(credits);
  });
});
