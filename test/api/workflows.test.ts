import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, call, example, startTestServer, type TestServer } from './harness.js';

// The success shapes of docs/api.md, compat ones exactly, over real HTTP.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ services: { planLimits: { pro: { requestsPerMinute: 10_000 } } } });
});
afterAll(() => server.close());

const graph = example('branching');

async function create(body: unknown = graph) {
  const reply = await call(server, 'POST', '/workflows', { json: body });
  expect(reply.status).toBe(201);
  return reply;
}

describe('workflows', () => {
  it('create: 201, Location, {data: workflow, meta:{warnings, migrations}}', async () => {
    const reply = await create();
    const { data, meta } = reply.body;
    expect(reply.headers.get('Location')).toBe(`${BASE}/workflows/${data.id}`);
    expect(data).toMatchObject({
      id: expect.stringMatching(/^wf_/),
      name: graph.name,
      version: 1,
      isActive: true,
      nodes: expect.any(Array),
      edges: expect.any(Array),
    });
    expect(data.webhookUrl).toBe(`${server.url}${BASE}/workflow/${data.webhookId}/trigger`);
    expect(meta).toEqual({ warnings: expect.any(Array), migrations: expect.any(Array) });
  });

  it('get: the workflow unwrapped, equal to what create returned', async () => {
    const { data } = (await create()).body;
    const reply = await call(server, 'GET', `/workflows/${data.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(data);
  });

  it('list: {data:[summary], nextCursor} with filters and paging', async () => {
    const tagged = (await create({ ...graph, name: 'Tagged one', tags: ['findme'] })).body.data;
    const byTag = await call(server, 'GET', '/workflows?tag=findme');
    expect(byTag.body).toEqual({ data: [expect.objectContaining({ id: tagged.id, nodeCount: tagged.nodes.length })], nextCursor: null });
    expect(byTag.body.data[0]).not.toHaveProperty('nodes');
    const first = await call(server, 'GET', '/workflows?limit=1');
    expect(first.body.data).toHaveLength(1);
    const second = await call(server, 'GET', `/workflows?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
  });

  it('put: 200 {data, meta}, a new version; a matching baseUpdatedAt is accepted', async () => {
    const { data } = (await create()).body;
    const reply = await call(server, 'PUT', `/workflows/${data.id}`, { json: { ...graph, name: 'Renamed', baseUpdatedAt: data.updatedAt } });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({ id: data.id, name: 'Renamed', version: 2 });
    expect(reply.body.meta).toEqual({ warnings: expect.any(Array), migrations: expect.any(Array) });
  });

  it('patch node: 200 {data:{node, updatedAt}}', async () => {
    const { data } = (await create()).body;
    const reply = await call(server, 'PATCH', `/workflows/${data.id}/nodes/item`, { json: { label: 'What', config: { prompt: 'teapots' } } });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: { node: expect.objectContaining({ id: 'item' }), updatedAt: expect.any(String) } });
    expect(reply.body.data.node.data).toMatchObject({ label: 'What', config: { prompt: 'teapots' } });
  });

  it('duplicate: 201 {data:{id, name, url}} (compat)', async () => {
    const { data } = (await create()).body;
    const reply = await call(server, 'POST', `/workflows/${data.id}/duplicate`, { json: { name: 'Twin' } });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ data: { id: expect.stringMatching(/^wf_/), name: 'Twin', url: expect.stringContaining(reply.body.data.id) } });
    const bare = await call(server, 'POST', `/workflows/${data.id}/duplicate`);
    expect(bare.body.data.name).toBe(`${graph.name} (copy)`);
  });

  it('delete: 200 {data:{id, deleted:true}}, then 404', async () => {
    const { data } = (await create()).body;
    expect(await call(server, 'DELETE', `/workflows/${data.id}`)).toMatchObject({ status: 200, body: { data: { id: data.id, deleted: true } } });
    expect((await call(server, 'GET', `/workflows/${data.id}`)).status).toBe(404);
  });
});

describe('lint', () => {
  it('200 {data:{ok:true}} for a good graph, 200 {data:{ok:false, violations}} for a broken one', async () => {
    expect(await call(server, 'POST', '/workflows/lint', { json: graph })).toMatchObject({ status: 200, body: { data: { ok: true, violations: [] } } });
    const broken = {
      nodes: (graph.nodes as unknown[]).slice(0, 1),
      edges: [{ id: 'e', source: 'quantity', target: 'nowhere', sourceHandle: 'out-value', targetHandle: 'in-x' }],
    };
    const reply = await call(server, 'POST', '/workflows/lint', { json: broken });
    expect(reply.status).toBe(200);
    expect(reply.body.data).toEqual({
      ok: false,
      violations: expect.arrayContaining([expect.objectContaining({ rule: 'dangling-edge' })]),
      warnings: expect.any(Array),
    });
  });
});

describe('versions', () => {
  it('history, one version unwrapped, and restore as a new version', async () => {
    const { data } = (await create()).body;
    await call(server, 'PUT', `/workflows/${data.id}`, { json: { ...graph, name: 'Second' } });
    const history = await call(server, 'GET', `/workflows/${data.id}/versions`);
    expect(history.body).toEqual({ data: [expect.objectContaining({ version: 2 }), expect.objectContaining({ version: 1 })] });
    expect(Object.keys(history.body.data[0]).sort()).toEqual(['note', 'updatedAt', 'version']);
    const first = await call(server, 'GET', `/workflows/${data.id}/versions/1`);
    expect(first.body).toMatchObject({ id: data.id, name: graph.name, version: 1 });
    const restored = await call(server, 'POST', `/workflows/${data.id}/versions/1/restore`);
    expect(restored).toMatchObject({ status: 200, body: { data: { id: data.id, name: graph.name, version: 3 } } });
  });
});

describe('catalog, usage, health', () => {
  it('GET /nodes: {nodes:[…]} (compat)', async () => {
    const reply = await call(server, 'GET', '/nodes');
    expect(reply.body.nodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ nodeType: 'input:text', inputs: expect.any(Array), outputs: expect.any(Array) })]),
    );
  });

  it('GET /developer/usage: {data:{plan, balance, usedToday, history, limits}}', async () => {
    const reply = await call(server, 'GET', '/developer/usage');
    expect(reply.body.data).toMatchObject({
      plan: 'pro',
      balance: expect.any(Number),
      usedToday: { credits: 0, executions: 0 },
      limits: { requestsPerMinute: 10_000 },
    });
  });

  it('GET /healthz: 200 {status, store} without a key', async () => {
    expect(await call(server, 'GET', '/healthz', { key: null })).toMatchObject({ status: 200, body: { status: 'ok', store: 'ok' } });
  });
});
