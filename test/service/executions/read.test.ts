import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policyFor } from '../../../src/net/policy.js';
import { ExecutionListQuerySchema, parseQuery, type Principal } from '../../../src/service/index.js';
import { LocalArtifactStore } from '../../../src/store/artifacts/index.js';
import { BASE_URL, edge, failure, node, paidChain, useExecHarness } from './harness.js';

const h = useExecHarness();

const fileFlow = () => ({
  nodes: [node('prompt', 'input:text', { prompt: 'bytes' }, 'Prompt'), node('file', 'utility:test_file'), node('out', 'output:result', { name: 'picture' })],
  edges: [edge('prompt', 'text', 'file', 'text'), edge('file', 'image', 'out', 'value')],
});

describe('poll and detail', () => {
  it('polls the compat shape: stored files as references (each face renders them), text, progress, finalOutput', async () => {
    const { services, admin, workflow, finished } = h();
    const id = await workflow(fileFlow());
    const { executionId } = await services.executions.execute(admin, id, {});
    await finished(executionId);
    const poll = await services.executions.poll(admin, executionId);
    const url = poll.finalOutput?.picture as string;
    expect(url).toMatch(/^pipewright:\/\/artifacts\/art_[0-9a-f]{24}$/);
    expect(poll).toEqual({
      executionId,
      status: 'COMPLETED',
      error: null,
      finalOutput: { picture: url },
      nodeStates: [
        { nodeId: 'prompt', label: 'Prompt', status: 'COMPLETED', error: null, outputUrl: null, outputUrls: null, text: 'bytes', progress: 1 },
        { nodeId: 'file', label: expect.any(String), status: 'COMPLETED', error: null, outputUrl: url, outputUrls: null, text: null, progress: 1 },
        { nodeId: 'out', label: expect.any(String), status: 'COMPLETED', error: null, outputUrl: url, outputUrls: null, text: null, progress: 1 },
      ],
    });
  });

  it('names the failed node and its error in poll and detail', async () => {
    const { services, admin, workflow, finished, probe } = h();
    probe.failing.add('a');
    const id = await workflow(paidChain());
    const { executionId } = await services.executions.execute(admin, id, {});
    expect(await finished(executionId)).toBe('FAILED');
    const poll = await services.executions.poll(admin, executionId);
    expect(poll.error).toContain('a (test_failure');
    expect(poll.nodeStates.map((n) => [n.nodeId, n.status, n.error])).toEqual([
      ['prompt', 'COMPLETED', null],
      ['a', 'FAILED', 'node a was told to fail'],
      ['b', 'SKIPPED', null],
      ['out', 'SKIPPED', null],
    ]);
    const detail = await services.executions.detail(admin, executionId);
    expect(detail.nodes[1]).toMatchObject({
      nodeId: 'a',
      nodeType: 'utility:test_paid',
      status: 'FAILED',
      attempts: 1,
      credits: 0,
      cached: false,
      error: { code: 'test_failure' },
      output: null,
    });
    expect(detail.nodes[1]?.startedAt).toEqual(expect.any(String));
    expect(detail.nodes[2]).toMatchObject({ status: 'SKIPPED', skipReason: 'upstream_failed' });
    expect(detail).toMatchObject({ status: 'FAILED', error: { code: 'node_failed', failedNodes: ['a'] }, durationMs: expect.any(Number) });
  });

  it('hides other accounts’ executions and unknown ids', async () => {
    const { services, admin, workflow, stranger, finished, principalWith } = h();
    const { executionId } = await services.executions.execute(admin, await workflow(paidChain()), {});
    await finished(executionId);
    const other = await stranger();
    for (const read of [services.executions.poll, services.executions.detail, services.executions.cancel, services.executions.retry]) {
      expect((await failure(read(other, executionId))).code).toBe('not_found');
      expect((await failure(read(admin, 'exec_missing'))).code).toBe('not_found');
    }
    expect((await failure(services.executions.poll(await principalWith(['workflows:execute']), executionId))).code).toBe('missing_scope');
  });
});

describe('list', () => {
  it('lists newest first with filters and a cursor, own executions only', async () => {
    const { services, admin, workflow, finished, clock, stranger, probe } = h();
    const first = await workflow(paidChain());
    const second = await workflow(paidChain());
    const ids: string[] = [];
    for (const wf of [first, second, first]) {
      clock.advance(1000);
      ids.push((await services.executions.execute(admin, wf, {})).executionId);
    }
    await Promise.all(ids.map((id) => finished(id)));
    probe.failing.add('a');
    clock.advance(1000);
    const failed = (await services.executions.execute(admin, second, {})).executionId;
    await finished(failed);
    const page = await services.executions.list(admin, { limit: 2 });
    expect(page.data.map((e) => e.id)).toEqual([failed, ids[2]]);
    const rest = await services.executions.list(admin, { limit: 2, cursor: page.nextCursor! });
    expect(rest).toMatchObject({ nextCursor: null });
    expect(rest.data.map((e) => e.id)).toEqual([ids[1], ids[0]]);
    expect((await services.executions.list(admin, { workflowId: first })).data.map((e) => e.id)).toEqual([ids[2], ids[0]]);
    expect((await services.executions.list(admin, { status: 'FAILED' })).data.map((e) => e.id)).toEqual([failed]);
    expect((await services.executions.list(await stranger(), {})).data).toEqual([]);
    const list = (query: unknown) => services.executions.list(admin, parseQuery(ExecutionListQuerySchema, query));
    expect((await failure(() => list({ status: 'DONE' }))).code).toBe('invalid_field');
    expect((await failure(() => list({ limit: 0 }))).code).toBe('invalid_field');
    expect((await failure(services.executions.list(admin, { cursor: 'nope' }))).code).toBe('invalid_field');
  });
});

describe('artifacts', () => {
  it('serves an artifact to the account whose run made it, and to nobody else', async () => {
    const { services, admin, workflow, finished, stranger, store } = h();
    const { executionId } = await services.executions.execute(admin, await workflow(fileFlow()), {});
    await finished(executionId);
    const url = (await services.executions.poll(admin, executionId)).finalOutput?.picture as string;
    const artifactId = url.split('/').at(-1)!;
    expect(await store.artifacts.get(artifactId)).toMatchObject({ accountId: admin.accountId, executionId, contentType: 'image/png' });
    const artifact = await services.executions.artifact(admin, artifactId);
    expect(new TextDecoder().decode(artifact.bytes)).toBe('bytes');
    expect(artifact.contentType).toBe('image/png');
    expect((await failure(services.executions.artifact(await stranger(), artifactId))).code).toBe('not_found');
    expect((await failure(services.executions.artifact(admin, 'art_000000000000000000000000'))).code).toBe('not_found');
  });

  it('stamps each artifact with its own run’s account when accounts run at once', async () => {
    const { services, admin, workflow, finished, stranger, store } = h();
    const other = await stranger();
    const mine = await workflow(fileFlow());
    const theirs = (await services.workflows.create(other, { name: 'Theirs', ...fileFlow() })).workflow.id;
    const runs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? services.executions.execute(admin, mine, {}) : services.executions.execute(other, theirs, {}))),
    );
    await Promise.all(runs.map((run) => finished(run.executionId)));
    for (const [i, run] of runs.entries()) {
      const record = await store.executions.load(run.executionId);
      const artifactId = String(record?.finalOutput?.picture).split('/').at(-1)!;
      expect((await store.artifacts.get(artifactId))?.accountId).toBe(i % 2 === 0 ? admin.accountId : other.accountId);
    }
  });

  /** input:image (the URL as its config) → a node that reads the image's bytes → output. */
  const readFlow = (url: string) => ({
    nodes: [node('photo', 'input:image', { image: url }, 'Photo'), node('read', 'utility:test_read'), node('out', 'output:result', { name: 'text' })],
    edges: [edge('photo', 'image', 'read', 'image'), edge('read', 'text', 'out', 'value')],
  });

  it('lets a run read its own account’s artifacts and no other account’s (media_not_found)', async () => {
    const { services, admin, workflow, finished, stranger } = h();
    const { executionId } = await services.executions.execute(admin, await workflow(fileFlow()), {});
    await finished(executionId);
    const url = (await services.executions.poll(admin, executionId)).finalOutput?.picture as string;
    const other = await stranger();
    const theirs = (await services.workflows.create(other, { name: 'Theirs', ...readFlow(url) })).workflow.id;
    const readAs = async (principal: Principal, workflowId: string, inputs: Record<string, unknown> = {}) => {
      const run = await services.executions.execute(principal, workflowId, { inputs });
      await finished(run.executionId);
      return services.executions.detail(principal, run.executionId);
    };

    const id = url.split('/').at(-1)!;
    // The reference, the relative URL older records hold, and a signed URL of this server passed back in.
    for (const ref of [url, `/api/v1/artifacts/${id}`, `${BASE_URL}/api/v1/artifacts/${id}?exp=1&sig=x`]) {
      const mine = await readAs(admin, await workflow(readFlow(ref)));
      expect(mine).toMatchObject({ status: 'COMPLETED', finalOutput: { text: 'bytes' } });
      const refused = await readAs(other, theirs, { photo: ref });
      expect(refused.status).toBe('FAILED');
      expect(refused.nodes.find((n) => n.nodeId === 'read')?.error).toMatchObject({ code: 'media_not_found' });
      expect(refused.finalOutput?.text).toBeUndefined();
    }
  });

  it('reads an artifact nobody owns (made by `pipewright run`) only where runs may read local files', async () => {
    const { services, admin, workflow, finished, home, sibling } = h();
    const outside = new LocalArtifactStore({ dir: join(home, 'artifacts') });
    const { url } = await outside.put({ bytes: new TextEncoder().encode('cli'), contentType: 'image/png' });
    const workflowId = await workflow(readFlow(url));
    const server = await services.executions.execute(admin, workflowId, {});
    expect(await finished(server.executionId)).toBe('FAILED');
    const detail = await services.executions.detail(admin, server.executionId);
    expect(detail.nodes.find((n) => n.nodeId === 'read')?.error).toMatchObject({ code: 'media_not_found' });

    const local = await sibling({ policy: policyFor('cli', {}) });
    const run = await local.services.executions.execute(admin, workflowId, {});
    expect(await finished(run.executionId)).toBe('COMPLETED');
    expect((await local.services.executions.poll(admin, run.executionId)).finalOutput).toEqual({ text: 'cli' });
  });
});
