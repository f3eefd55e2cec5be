import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type PipewrightClient, type PollView } from '../../src/client/index.js';
import { startFakeLlm, type FakeLlm } from '../api/fake-llm.js';
import { edge, greetingFlow, llmChain, node } from '../api/flows.js';
import { ADMIN_KEY, startRealServer, type RealServer } from './real-server.js';

// Execute, run, estimate, poll, waitFor, detail, list, cancel, retry, artifacts and webhook
// rotation through the client, against the real server (LLM nodes answered by a loopback fake).

let server: RealServer;
let llm: FakeLlm;
let client: PipewrightClient;
let greeting: string;

beforeAll(async () => {
  llm = await startFakeLlm();
  server = await startRealServer({ env: { OPENAI_BASE_URL: llm.baseUrl } });
  client = createClient({ baseUrl: server.url, apiKey: ADMIN_KEY, retries: 0, polling: { initialDelayMs: 10, maxDelayMs: 50 } });
  greeting = (await client.workflows.create(greetingFlow())).workflow.id;
});
afterAll(async () => {
  llm.release();
  await client.close();
  await server.close();
  await llm.close();
});
beforeEach(() => {
  llm.knobs.hold = false;
  llm.knobs.fail.clear();
});

describe('execute → waitFor → get', () => {
  it('answers the compat body at the top level, and waitFor reports every poll until COMPLETED', async () => {
    const accepted = await client.workflows.execute(greeting, { inputs: { name: 'Ada' } });
    expect(accepted).toEqual({
      executionId: expect.any(String),
      workflowId: greeting,
      status: expect.any(String),
      executionRuns: [{ id: accepted.executionId, status: expect.any(String) }],
    });
    const seen: Array<string> = [];
    const final = await client.executions.waitFor(accepted.executionId, { onPoll: (view) => void seen.push(view.status) });
    expect(final).toMatchObject({ status: 'COMPLETED', finalOutput: { greeting: 'Hello Ada' }, error: null });
    expect(seen.at(-1)).toBe('COMPLETED');
    const record = await client.executions.get(accepted.executionId);
    expect(record).toMatchObject({ id: accepted.executionId, workflowId: greeting, status: 'COMPLETED', inputs: { name: 'Ada' } });
    expect(record.nodes.map((one) => one.nodeId).sort()).toEqual(['greet', 'name', 'out']);
  });

  it('runs an inline graph', async () => {
    const inline = greetingFlow();
    inline.nodes[1]!.data.config = { template: 'Hi {{who}}' };
    const { executionId } = await client.workflows.execute(greeting, { nodes: inline.nodes, edges: inline.edges });
    expect((await client.executions.waitFor(executionId)).finalOutput).toEqual({ greeting: 'Hi world' });
  });

  it('replays an execute sent again with the same Idempotency-Key, and refuses the key for another body', async () => {
    const key = `client-test-${Date.now()}`;
    const first = await client.workflows.execute(greeting, { inputs: { name: 'Once' } }, { idempotencyKey: key });
    const again = await client.workflows.execute(greeting, { inputs: { name: 'Once' } }, { idempotencyKey: key });
    expect(again.executionId).toBe(first.executionId);
    await expect(client.workflows.execute(greeting, { inputs: { name: 'Twice' } }, { idempotencyKey: key })).rejects.toMatchObject({
      code: 'idempotency_key_reused',
      kind: 'user',
      details: { status: 422 },
    });
    await client.executions.waitFor(first.executionId);
  });

  it('lists executions newest first, filtered by workflow', async () => {
    const own = (await client.workflows.create(greetingFlow('Listed'))).workflow.id;
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await client.workflows.execute(own)).executionId);
    for (const id of ids) await client.executions.waitFor(id);
    const page = await client.executions.list({ workflowId: own, limit: 1 });
    expect(page.data.map((one) => one.id)).toEqual([ids[1]]);
    const rest = await client.executions.list({ workflowId: own, limit: 1, cursor: page.nextCursor! });
    expect(rest.data.map((one) => one.id)).toEqual([ids[0]]);
    expect((await client.executions.list({ workflowId: own, status: 'FAILED' })).data).toEqual([]);
  });

  it('says not_found for an unknown execution', async () => {
    await expect(client.executions.poll('ex_missing')).rejects.toMatchObject({ code: 'not_found', details: { status: 404 } });
  });
});

describe('headless run and estimate', () => {
  it('describes the inputs, runs one set (202) and a batch', async () => {
    const description = await client.workflows.describeRun(greeting);
    expect(description).toMatchObject({ workflowId: greeting, method: 'POST', inputs: [expect.objectContaining({ nodeId: 'name', default: 'world' })] });
    const one = await client.workflows.run(greeting, { inputs: { name: 'Bo' } });
    expect(one).toMatchObject({ executionId: expect.any(String), data: { executionId: one.executionId } });
    expect((await client.executions.waitFor(one.executionId)).finalOutput).toEqual({ greeting: 'Hello Bo' });
    const batch = await client.workflows.run(greeting, { inputs: [{ name: 'a' }, { name: 'b' }] });
    expect(batch.batchId).toEqual(expect.any(String));
    const outputs = [];
    for (const run of batch.executionRuns!) outputs.push((await client.executions.waitFor(run.id)).finalOutput);
    expect(outputs).toEqual([{ greeting: 'Hello a' }, { greeting: 'Hello b' }]);
  });

  it('estimates credits per node', async () => {
    const chain = (await client.workflows.create(llmChain(2))).workflow.id;
    const estimate = await client.workflows.estimate(chain);
    expect(estimate).toMatchObject({ estimatedCredits: 2, sufficient: true, estimateComplete: true });
    expect(estimate.breakdown).toEqual(expect.arrayContaining([expect.objectContaining({ nodeId: 'llm1', credits: 1 })]));
  });
});

describe('cancel and retry', () => {
  it('cancels a running execution, which poll and waitFor read back as CANCELLED; a second cancel is not_cancellable', async () => {
    llm.knobs.hold = true;
    const chain = (await client.workflows.create(llmChain(1, 'held'))).workflow.id;
    const { executionId } = await client.workflows.execute(chain);
    await llm.waitForCall('held');
    expect(await client.executions.cancel(executionId)).toMatchObject({ executionId });
    // The server answers FAILED with cancelled: true on the wire (for hosted clients); the client reads our own status.
    expect(await client.executions.waitFor(executionId)).toMatchObject({ status: 'CANCELLED', error: expect.any(String) });
    expect(await client.executions.poll(executionId)).not.toHaveProperty('cancelled');
    await expect(client.executions.cancel(executionId)).rejects.toMatchObject({ code: 'not_cancellable', details: { status: 409, type: 'conflict_error' } });
  });

  it('retries a failed execution as a new one', async () => {
    llm.knobs.fail.add('boom');
    const chain = (await client.workflows.create(llmChain(1, 'boom'))).workflow.id;
    const failed = await client.executions.waitFor((await client.workflows.execute(chain)).executionId);
    expect(failed.status).toBe('FAILED');
    llm.knobs.fail.clear();
    const retried = await client.executions.retry(failed.executionId);
    expect(retried.executionId).not.toBe(failed.executionId);
    expect((await client.executions.waitFor(retried.executionId)).finalOutput).toEqual({ text: 'boom +1' });
  });

  it('sends a callbackUrl with the retry: this server refuses a loopback one (callback_url_forbidden)', async () => {
    const done = await client.executions.waitFor((await client.workflows.execute(greeting)).executionId);
    await expect(client.executions.retry(done.executionId, { callbackUrl: 'http://127.0.0.1:9/hook' })).rejects.toMatchObject({
      code: 'callback_url_forbidden',
    });
  });
});

describe('artifacts and webhooks', () => {
  it('reads the bytes behind an output URL', async () => {
    const flow = {
      name: 'Dry image',
      nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('img', 'generate:flux_2'), node('out', 'output:result', { name: 'image' })],
      edges: [edge('prompt', 'text', 'img', 'prompt'), edge('img', 'image', 'out', 'value')],
    };
    const id = (await client.workflows.create(flow)).workflow.id;
    const final: PollView = await client.executions.waitFor((await client.workflows.execute(id, { dryRun: true })).executionId);
    const url = final.nodeStates.find((state) => state.nodeId === 'img')?.outputUrl;
    expect(url).toMatch(/\/api\/v1\/artifacts\//);
    const artifact = await client.artifacts.get(url!);
    expect(artifact.contentType).toMatch(/^image\//);
    expect(artifact.bytes.byteLength).toBeGreaterThan(100);
  });

  it('rotates the webhook', async () => {
    const before = await client.workflows.get(greeting);
    const rotated = await client.workflows.rotateWebhook(greeting);
    expect(rotated).toMatchObject({ workflowId: greeting, webhookId: expect.any(String) });
    expect(rotated.webhookId).not.toBe(before.webhookId);
  });
});
