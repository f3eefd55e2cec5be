import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../src/backend/backend.js';
import { createEmbeddedBackend } from '../../src/backend/embedded.js';
import { createRemoteBackend } from '../../src/backend/remote.js';
import { startFakeLlm, type FakeLlm } from '../api/fake-llm.js';
import { edge, greetingFlow, llmChain, node } from '../api/flows.js';
import { ADMIN_KEY, startRealServer, type RealServer } from '../client/real-server.js';
import { connect, structured } from '../mcp/harness.js';
import { bundledTemplatesDir } from '../../src/skill/paths.js';
import { restLinks } from '../../src/api/index.js';

// The remote Backend against a real server on 127.0.0.1, and the same loop on the embedded one.

let server: RealServer;
let llm: FakeLlm;
let remote: Backend;
let embedded: Backend;
const home = mkdtempSync(join(tmpdir(), 'pipewright-embedded-'));

beforeAll(async () => {
  llm = await startFakeLlm();
  server = await startRealServer({ env: { OPENAI_BASE_URL: llm.baseUrl } });
  remote = createRemoteBackend({ baseUrl: server.url, apiKey: ADMIN_KEY, polling: { initialDelayMs: 10 } });
  embedded = await createEmbeddedBackend({ home, links: restLinks('http://127.0.0.1:8787'), env: {}, templatesDir: bundledTemplatesDir() });
});
afterAll(async () => {
  await remote.close();
  await embedded.close();
  llm.release();
  await server.close();
  await llm.close();
  rmSync(home, { recursive: true, force: true });
});

const imageFlow = {
  name: 'Dry image',
  nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('img', 'generate:flux_2'), node('out', 'output:result', { name: 'image' })],
  edges: [edge('prompt', 'text', 'img', 'prompt'), edge('img', 'image', 'out', 'value')],
};

async function finished(backend: Backend, executionId: string) {
  for (;;) {
    const poll = await backend.pollExecution(executionId);
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(poll.status)) return poll;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** define → validate → save → execute (dry run) → poll → get, reduced to what must not differ between backends. */
async function loop(backend: Backend) {
  const verdict = await backend.validateWorkflow(imageFlow);
  const { workflow } = await backend.saveWorkflow({ workflow: imageFlow });
  const replaced = await backend.saveWorkflow({ id: workflow.id, workflow: { ...imageFlow, name: 'Dry image v2' } });
  const accepted = await backend.executeWorkflow(workflow.id, { dryRun: true }, { idempotencyKey: `loop-${workflow.id}` });
  const replayed = await backend.executeWorkflow(workflow.id, { dryRun: true }, { idempotencyKey: `loop-${workflow.id}` });
  const poll = await finished(backend, accepted.executionId);
  const detail = await backend.getExecution(accepted.executionId);
  const url = poll.nodeStates.find((state) => state.nodeId === 'img')!.outputUrl!;
  // The interface takes an artifact id; the embedded backend takes nothing else.
  const artifact = await backend.readArtifact(/art_[0-9a-f]{24}/.exec(url)![0]);
  return {
    verdict,
    saved: { version: workflow.version, replacedVersion: replaced.workflow.version, name: replaced.workflow.name },
    replayedSame: replayed.executionId === accepted.executionId,
    status: poll.status,
    finalOutputKeys: Object.keys(poll.finalOutput ?? {}),
    nodes: detail.nodes
      .map(({ nodeId, nodeType, status, credits }) => ({ nodeId, nodeType, status, credits }))
      .sort((a, b) => a.nodeId.localeCompare(b.nodeId)),
    artifactType: artifact.contentType,
  };
}

describe('remote backend', () => {
  it('runs define → validate → save → execute → poll → get with the same results as embedded', async () => {
    const viaRemote = await loop(remote);
    expect(viaRemote).toMatchObject({
      verdict: { ok: true },
      saved: { version: 1, replacedVersion: 2, name: 'Dry image v2' },
      replayedSame: true,
      status: 'COMPLETED',
    });
    expect(viaRemote.artifactType).toMatch(/^image\//);
    expect(viaRemote).toEqual(await loop(embedded));
  });

  it('lists, reads, deletes and reports usage and the catalog', async () => {
    const { workflow } = await remote.saveWorkflow({ workflow: greetingFlow('Listed remotely') });
    expect((await remote.listWorkflows({ q: 'Listed remotely' })).data.map((one) => one.id)).toEqual([workflow.id]);
    expect((await remote.getWorkflow(workflow.id)).name).toBe('Listed remotely');
    const { executionId } = await remote.executeWorkflow(workflow.id, { inputs: { name: 'Ada' } });
    expect((await finished(remote, executionId)).finalOutput).toEqual({ greeting: 'Hello Ada' });
    expect((await remote.listExecutions({ workflowId: workflow.id })).data.map((one) => one.id)).toEqual([executionId]);
    expect(await remote.estimateWorkflow(workflow.id, {})).toMatchObject({ estimatedCredits: 0, sufficient: true });
    await expect(remote.cancelExecution(executionId)).rejects.toMatchObject({ code: 'not_cancellable' });
    expect(await remote.deleteWorkflow(workflow.id)).toEqual({ id: workflow.id, deleted: true });
    await expect(remote.getWorkflow(workflow.id)).rejects.toMatchObject({ code: 'not_found', kind: 'user' });
    expect(await remote.getUsage()).toMatchObject({ plan: 'pro' });
    expect((await remote.listNodeTypes()).map((entry) => entry.nodeType)).toContain('generate:flux_2');
  });

  it('fails a save with the server’s invalid_graph and its violations, as the embedded backend does', async () => {
    const bad = { name: 'Bad', nodes: [{ id: 'a', data: { nodeType: 'input:txt' } }] };
    const viaRemote = await remote.saveWorkflow({ workflow: bad }).catch((error: unknown) => error);
    const viaEmbedded = await embedded.saveWorkflow({ workflow: bad }).catch((error: unknown) => error);
    expect(viaRemote).toMatchObject({ code: 'invalid_graph', kind: 'user', details: { violations: [expect.objectContaining({ rule: 'unknown-node-type' })] } });
    expect(viaEmbedded).toMatchObject({
      code: 'invalid_graph',
      details: { violations: (viaRemote as { details: { violations: unknown } }).details.violations },
    });
  });

  it.each([
    ['remote', () => remote],
    ['embedded', () => embedded],
  ] as const)('replays an inline graph under the same idempotency key (%s): one scratch workflow, one execution', async (label, backendOf) => {
    const backend = backendOf();
    const key = `inline-${label}`;
    const scratch = async () => (await backend.listWorkflows({ tag: 'scratch', limit: 100 })).data.map((one) => one.id);
    const before = await scratch();
    const body = { ...greetingFlow('Inline'), inputs: { name: 'Ada' } };
    const first = await backend.executeWorkflow(undefined, body, { idempotencyKey: key });
    const again = await backend.executeWorkflow(undefined, body, { idempotencyKey: key });
    expect(again).toMatchObject({ executionId: first.executionId, workflowId: first.workflowId });
    expect(await scratch()).toEqual([first.workflowId, ...before]);
    expect((await backend.listExecutions({ workflowId: first.workflowId! })).data.map((one) => one.id)).toEqual([first.executionId]);
    expect((await finished(backend, first.executionId)).finalOutput).toEqual({ greeting: 'Hello Ada' });

    const otherGraph = {
      ...body,
      nodes: body.nodes.map((one) => (one.id === 'greet' ? node('greet', 'utility:prompt_template', { template: 'Hi {{who}}' }) : one)),
    };
    await expect(backend.executeWorkflow(undefined, otherGraph, { idempotencyKey: key })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    const otherInputs = { ...body, inputs: { name: 'Grace' } };
    await expect(backend.executeWorkflow(undefined, otherInputs, { idempotencyKey: key })).rejects.toMatchObject({ code: 'idempotency_key_reused' });
    expect(await scratch()).toEqual([first.workflowId, ...before]);
  });

  it('reads a cancelled run as CANCELLED, though REST polls say FAILED + cancelled: MCP over it says so and stops waiting', async () => {
    llm.knobs.hold = true;
    const mcp = await connect({ backend: createRemoteBackend({ baseUrl: server.url, apiKey: ADMIN_KEY }) });
    try {
      const { workflow } = await remote.saveWorkflow({ workflow: llmChain(2, 'remote cancel') });
      const waiting = mcp.call('execute_workflow', { workflowId: workflow.id, waitSeconds: 60 });
      await llm.waitForCall('remote cancel');
      const { data } = await remote.listExecutions({ workflowId: workflow.id });
      await remote.cancelExecution(data[0]!.id);
      expect(structured(await waiting)).toMatchObject({ finished: true, status: 'CANCELLED' });
      expect(await remote.pollExecution(data[0]!.id)).toMatchObject({ status: 'CANCELLED', error: expect.any(String) });
      expect(structured(await mcp.call('poll_execution', { executionId: data[0]!.id }))).toMatchObject({ status: 'CANCELLED' });
    } finally {
      llm.knobs.hold = false;
      await mcp.close();
    }
  });

  it('passes the signal of executeWorkflow and pollExecution through', async () => {
    const reason = new Error('cancelled by the MCP client');
    await expect(remote.executeWorkflow('wf_any', {}, { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    await expect(remote.pollExecution('ex_any', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
