import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Scope } from '../../src/service/index.js';
import { call, codeOf, example, KeyMaker, startTestServer, type Reply, type TestServer } from './harness.js';

// Every route against every kind of bad input, over real HTTP on the real services and store.
// Each case gets the contract's status and code, and the store is the same afterwards.

interface RouteSpec {
  method: string;
  /** `id` is a workflow of the caller's account unless the case swaps in another account's. */
  path: (id: string) => string;
  /** undefined: any valid key will do. */
  scope?: Scope;
  body?: () => unknown;
  /** A body of the right JSON but the wrong types; undefined when the route ignores its body. */
  wrongTypes?: unknown;
  /** A body with a field the route's schema forbids. */
  unknownField?: unknown;
}

const graph = example('branching');
const ROUTES: RouteSpec[] = [
  { method: 'GET', path: () => '/workflows', scope: 'workflows:read' },
  { method: 'POST', path: () => '/workflows', scope: 'workflows:write', body: () => graph, wrongTypes: { name: 42, nodes: 'none' } },
  { method: 'GET', path: (id) => `/workflows/${id}`, scope: 'workflows:read' },
  { method: 'PUT', path: (id) => `/workflows/${id}`, scope: 'workflows:write', body: () => graph, wrongTypes: { nodes: {}, tags: 'x' } },
  { method: 'DELETE', path: (id) => `/workflows/${id}`, scope: 'workflows:write' },
  {
    method: 'PATCH',
    path: (id) => `/workflows/${id}/nodes/item`,
    scope: 'workflows:write',
    body: () => ({ label: 'Renamed' }),
    wrongTypes: { label: 5, position: 'left' },
    unknownField: { label: 'x', colour: 'red' },
  },
  {
    method: 'POST',
    path: (id) => `/workflows/${id}/duplicate`,
    scope: 'workflows:write',
    body: () => ({ name: 'Copy' }),
    wrongTypes: { name: ['Copy'] },
    unknownField: { name: 'Copy', deep: true },
  },
  { method: 'POST', path: () => '/workflows/lint', scope: 'workflows:read', body: () => graph },
  { method: 'GET', path: (id) => `/workflows/${id}/versions`, scope: 'workflows:read' },
  { method: 'GET', path: (id) => `/workflows/${id}/versions/1`, scope: 'workflows:read' },
  { method: 'POST', path: (id) => `/workflows/${id}/versions/1/restore`, scope: 'workflows:write', body: () => ({}) },
  { method: 'GET', path: () => '/nodes' },
  { method: 'GET', path: () => '/developer/usage', scope: 'usage:read' },
  {
    method: 'POST',
    path: (id) => `/workflows/${id}/execute`,
    scope: 'workflows:execute',
    body: () => ({ inputs: {} }),
    wrongTypes: { inputs: 'all', force: 'yes' },
    unknownField: { inputs: {}, speed: 'fast' },
  },
  { method: 'GET', path: (id) => `/workflows/${id}/run`, scope: 'workflows:read' },
  {
    method: 'POST',
    path: (id) => `/workflows/${id}/run`,
    scope: 'workflows:execute',
    body: () => ({ inputs: {} }),
    wrongTypes: { inputs: 5 },
    unknownField: { inputs: {}, targetNodeId: 'item' },
  },
  {
    method: 'POST',
    path: (id) => `/workflows/${id}/estimate`,
    scope: 'workflows:execute',
    body: () => ({}),
    wrongTypes: { dryRun: 'no' },
    unknownField: { budget: 5 },
  },
  { method: 'POST', path: (id) => `/workflows/${id}/webhook/rotate`, scope: 'workflows:write', body: () => ({}) },
  { method: 'GET', path: () => '/workflows/executions', scope: 'executions:read' },
];

const hasId = (route: RouteSpec) => route.path('ID').includes('ID');

let server: TestServer;
let keys: KeyMaker;
let ownId: string;
let otherId: string;
let otherKey: string;

beforeAll(async () => {
  server = await startTestServer({
    api: { anonymousRequestsPerMinute: 100_000 },
    services: { planLimits: { pro: { requestsPerMinute: 100_000, executionsPerMinute: 100_000 } } },
  });
  keys = await KeyMaker.open(server.home);
  otherKey = await keys.otherAccount();
  ownId = (await call(server, 'POST', '/workflows', { json: graph })).body.data.id;
  otherId = (await call(server, 'POST', '/workflows', { key: otherKey, json: graph })).body.data.id;
});

afterAll(async () => {
  await keys.close();
  await server.close();
});

/** Everything a bad request could have changed, as both accounts see it. */
async function snapshot(): Promise<unknown> {
  const views = [];
  for (const [key, id] of [
    [server.adminKey, ownId],
    [otherKey, otherId],
  ] as const) {
    views.push((await call(server, 'GET', '/workflows', { key })).body);
    views.push((await call(server, 'GET', `/workflows/${id}`, { key })).body);
    views.push((await call(server, 'GET', `/workflows/${id}/versions`, { key })).body);
  }
  return views;
}

let before: unknown;
afterEach(async () => {
  expect(await snapshot()).toEqual(before);
});

function send(
  route: RouteSpec,
  options: { key?: string | null; id?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const { id = ownId, ...rest } = options;
  const json = rest.json ?? (rest.body === undefined ? route.body?.() : undefined);
  return call(server, route.method, route.path(id), { ...rest, ...(json !== undefined && { json }) });
}

function expectError(reply: Reply, status: number, code: string): void {
  expect({ status: reply.status, code: codeOf(reply) }).toEqual({ status, code });
  expect(reply.body.error.requestId).toBe(reply.headers.get('X-Request-Id'));
}

describe.each(ROUTES)('$method $path', (route) => {
  beforeAll(async () => {
    before = await snapshot();
  });

  it('401 missing_api_key without a key', async () => expectError(await send(route, { key: null }), 401, 'missing_api_key'));

  it('401 invalid_api_key for a malformed key', async () => {
    expectError(await send(route, { key: 'not-a-key' }), 401, 'invalid_api_key');
    expectError(await send(route, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } }), 401, 'invalid_api_key');
  });

  it('401 invalid_api_key for a revoked key', async () => expectError(await send(route, { key: await keys.key({ revoked: true }) }), 401, 'invalid_api_key'));

  it('401 expired_api_key for an expired key', async () => expectError(await send(route, { key: await keys.key({ expired: true }) }), 401, 'expired_api_key'));

  // GET /nodes takes any valid key: no scope to lack.
  it.runIf(route.scope !== undefined)('403 missing_scope for a key without the scope', async () => {
    const scopes: Scope[] =
      route.scope === 'workflows:write' ? ['workflows:read', 'usage:read'] : route.scope === 'usage:read' ? ['workflows:read'] : ['usage:read'];
    const reply = await send(route, { key: await keys.key({ scopes }) });
    expectError(reply, 403, 'missing_scope');
    expect(reply.body.requiredScope).toBe(route.scope);
  });

  // Only routes naming a workflow can be asked about another account's.
  it.runIf(hasId(route))("404 not_found for another account's workflow", async () => {
    expectError(await send(route, { id: otherId }), 404, 'not_found');
    expectError(await send(route, { id: 'wf_doesNotExist' }), 404, 'not_found');
  });

  it('405 method_not_allowed with Allow for a method the path does not take', async () => {
    const taken = new Set(ROUTES.filter((other) => other.path('X') === route.path('X')).map((other) => other.method));
    const wrong = ['PATCH', 'DELETE', 'PUT', 'POST', 'GET'].find((method) => !taken.has(method))!;
    const reply = await call(server, wrong, route.path(ownId));
    expectError(reply, 405, 'method_not_allowed');
    expect(reply.headers.get('Allow')!.split(', ')).toEqual(expect.arrayContaining([...taken]));
  });

  // Routes without a body never read one (GET, DELETE).
  describe.runIf(route.body !== undefined)('body', () => {
    it('400 invalid_json for malformed JSON', async () => {
      expectError(await send(route, { body: '{"name": "x",', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
    });

    it('400 json_too_deep for nesting past 64 levels', async () => {
      const deep = `{"nodes": ${'['.repeat(80)}${']'.repeat(80)}}`;
      expectError(await send(route, { body: deep, headers: { 'Content-Type': 'application/json' } }), 400, 'json_too_deep');
    });

    it('415 unsupported_media_type for a non-JSON content type', async () => {
      expectError(await send(route, { body: JSON.stringify(route.body!()), headers: { 'Content-Type': 'text/plain' } }), 415, 'unsupported_media_type');
    });

    it('413 body_too_large over 1 MiB, declared or streamed', async () => {
      const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
      expectError(await send(route, { body: big, headers: { 'Content-Type': 'application/json' } }), 413, 'body_too_large');
      const streamed = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      });
      // A stream goes out chunked, with no Content-Length: the limit is enforced while reading.
      const reply = await fetch(`${server.url}/api/v1${route.path(ownId)}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${server.adminKey}`, 'Content-Type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit);
      expect(reply.status).toBe(413);
    });

    // Lint answers 200 for any JSON (tested below); restore ignores its body.
    it.runIf(route.wrongTypes !== undefined)('400 invalid_body for the wrong JSON types', async () => {
      const reply = await send(route, { json: route.wrongTypes });
      expectError(reply, 400, 'invalid_body');
      expect(reply.body.issues.length).toBeGreaterThan(0);
    });

    // POST/PUT /workflows ignore unknown top-level fields by design (docs/api.md).
    it.runIf(route.unknownField !== undefined)('400 invalid_body for a field the route does not take', async () => {
      expectError(await send(route, { json: route.unknownField }), 400, 'invalid_body');
    });
  });
});

describe('routes that answer differently by contract', () => {
  beforeAll(async () => {
    before = await snapshot();
  });

  it('lint answers 200 with the verdict even for wrong types (compat), but not for non-JSON', async () => {
    const reply = await call(server, 'POST', '/workflows/lint', { json: { nodes: 'none' } });
    expect(reply.status).toBe(200);
    expect(reply.body.data.ok).toBe(false);
    expectError(await call(server, 'POST', '/workflows/lint', { body: 'nodes: []', headers: { 'Content-Type': 'application/json' } }), 400, 'invalid_json');
  });

  it('PUT with a stale baseUpdatedAt is 409 stale_write with both timestamps', async () => {
    const current = (await call(server, 'GET', `/workflows/${ownId}`)).body;
    const reply = await call(server, 'PUT', `/workflows/${ownId}`, { json: { ...graph, baseUpdatedAt: '2000-01-01T00:00:00.000Z' } });
    expectError(reply, 409, 'stale_write');
    expect(reply.body).toMatchObject({ currentUpdatedAt: current.updatedAt, yourBaseUpdatedAt: '2000-01-01T00:00:00.000Z' });
    expect(reply.body.error.type).toBe('conflict_error');
  });

  it('PATCH of a node takes baseUpdatedAt too: a stale one is 409 stale_write with both timestamps', async () => {
    const current = (await call(server, 'GET', `/workflows/${ownId}`)).body;
    const reply = await call(server, 'PATCH', `/workflows/${ownId}/nodes/item`, { json: { label: 'Lost', baseUpdatedAt: '2000-01-01T00:00:00.000Z' } });
    expectError(reply, 409, 'stale_write');
    expect(reply.body).toMatchObject({ currentUpdatedAt: current.updatedAt, yourBaseUpdatedAt: '2000-01-01T00:00:00.000Z' });
  });

  it.each(['PUT', 'PATCH'])('%s with a baseUpdatedAt that is not a date-time is 400 invalid_field naming it', async (method) => {
    const path = method === 'PUT' ? `/workflows/${ownId}` : `/workflows/${ownId}/nodes/item`;
    for (const baseUpdatedAt of ['yesterday', '2026-13-45T99:00:00Z', '']) {
      const body = method === 'PUT' ? { ...graph, baseUpdatedAt } : { label: 'Lost', baseUpdatedAt };
      const reply = await call(server, method, path, { json: body });
      expectError(reply, 400, 'invalid_field');
      expect(reply.body.field).toBe('baseUpdatedAt');
    }
  });

  it('an invalid graph is 422 invalid_graph with violations and warnings, nothing stored', async () => {
    const reply = await call(server, 'POST', '/workflows', { json: { name: 'Broken', nodes: [], edges: [] } });
    expectError(reply, 422, 'invalid_graph');
    expect(reply.body.violations).toEqual([expect.objectContaining({ rule: 'empty-graph' })]);
    expect(reply.body.warnings).toEqual(expect.any(Array));
  });

  it('404 not_found for unknown routes, with or without a key', async () => {
    for (const path of ['/nothing', '/workflows/x/y/z', '/']) {
      expectError(await call(server, 'GET', path), 404, 'not_found');
      expectError(await call(server, 'GET', path, { key: null }), 404, 'not_found');
    }
    const outside = await fetch(`${server.url}/elsewhere`);
    expect(outside.status).toBe(404);
    expect(outside.headers.get('X-Request-Id')).toBeTruthy();
  });

  it('400 invalid_field for bad query and path parameters', async () => {
    expectError(await call(server, 'GET', '/workflows?limit=ten'), 400, 'invalid_field');
    expectError(await call(server, 'GET', '/workflows?isActive=yes'), 400, 'invalid_field');
    expectError(await call(server, 'GET', `/workflows/${ownId}/versions/first`), 400, 'invalid_field');
    expectError(await call(server, 'GET', `/workflows/${ownId}/versions/99`), 404, 'not_found');
  });
});
