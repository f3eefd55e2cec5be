import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, FINISHED, UNLIMITED } from './exec-helpers.js';
import { startFakeLlm, type FakeLlm } from './fake-llm.js';
import { llmChain } from './flows.js';
import { call, startTestServer, type TestServer } from './harness.js';

// 200 executions started at once on the real server (127.0.0.1 only), each with one paid LLM call.

const COUNT = 200;

let server: TestServer;
let llm: FakeLlm;

beforeAll(async () => {
  llm = await startFakeLlm();
  llm.knobs.delayMs = 20;
  server = await startTestServer({ ...UNLIMITED, env: { OPENAI_BASE_URL: llm.baseUrl } });
});
afterAll(async () => {
  await server.close();
  await llm.close();
});

async function listAll(workflowId: string): Promise<any[]> {
  const all = [];
  let cursor: string | null = null;
  do {
    const page: any = (await call(server, 'GET', `/workflows/executions?workflowId=${workflowId}&limit=100${cursor ? `&cursor=${cursor}` : ''}`)).body;
    all.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return all;
}

describe(`${COUNT} executions at once`, () => {
  it('all reach a terminal state with consistent node records and ledger totals', async () => {
    const { id } = await createWorkflow(server, llmChain(1, 'load'));
    // Distinct inputs: identical ones would be served from the output cache, uncharged.
    const started = await Promise.all(
      Array.from({ length: COUNT }, (_, i) => call(server, 'POST', `/workflows/${id}/execute`, { json: { inputs: { seed: `load ${i}` } } })),
    );
    expect(started.map((r) => r.status)).toEqual(Array(COUNT).fill(201));
    const ids = new Set(started.map((r) => r.body.executionId as string));
    expect(ids.size).toBe(COUNT);

    const deadline = Date.now() + 60_000;
    let listed = await listAll(id);
    while (listed.some((e) => !FINISHED.includes(e.status)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      listed = await listAll(id);
    }
    expect(new Set(listed.map((e) => e.id))).toEqual(ids);
    expect(listed.filter((e) => e.status !== 'COMPLETED')).toEqual([]);

    const details = await Promise.all([...ids].map(async (executionId) => (await call(server, 'GET', `/workflows/executions/${executionId}`)).body.data));
    for (const record of details) {
      expect(record.nodes.map((n: any) => `${n.nodeId}:${n.status}`).sort()).toEqual(['llm1:COMPLETED', 'out:COMPLETED', 'seed:COMPLETED']);
      expect(record.credits).toBe(1);
    }
    expect(new Set(llm.prompts).size).toBe(COUNT);
    expect(llm.prompts).toHaveLength(COUNT);
    const usage = (await call(server, 'GET', '/developer/usage')).body.data;
    expect(usage).toMatchObject({ balance: 1000 - COUNT, usedToday: { credits: COUNT, executions: COUNT } });
  }, 90_000);
});
