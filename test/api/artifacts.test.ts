import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkflow, execute, pollUntil, nodeState, UNLIMITED } from './exec-helpers.js';
import { edge, node } from './flows.js';
import { call, codeOf, KeyMaker, startTestServer, type TestServer } from './harness.js';

// GET /artifacts/{id}: a dry run's placeholder image is stored locally and served to its owner only.

let server: TestServer;
let artifactPath: string;

beforeAll(async () => {
  server = await startTestServer(UNLIMITED);
  const { id } = await createWorkflow(server, {
    name: 'Placeholder image',
    nodes: [node('prompt', 'input:text', { prompt: 'a red sneaker' }), node('img', 'generate:flux_2'), node('out', 'output:result', { name: 'image' })],
    edges: [edge('prompt', 'text', 'img', 'prompt'), edge('img', 'image', 'out', 'value')],
  });
  const { executionId } = (await execute(server, id, { dryRun: true })).body;
  const poll = await pollUntil(server, executionId);
  expect(poll.status).toBe('COMPLETED');
  const url: string = nodeState(poll, 'img').outputUrl;
  expect(url).toMatch(/^\/api\/v1\/artifacts\/[^/]+$|\/api\/v1\/artifacts\/[^/]+$/);
  artifactPath = url.slice(url.indexOf('/artifacts/'));
});
afterAll(() => server.close());

describe('GET /artifacts/{id}', () => {
  it('serves the bytes with their content type to the owner, privately', async () => {
    const response = await fetch(`${server.url}/api/v1${artifactPath}`, { headers: { Authorization: `Bearer ${server.adminKey}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^image\//);
    expect(response.headers.get('Cache-Control')).toMatch(/^private/);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it('is a 404 for another account, as for an id that never existed, and a 401 without a key', async () => {
    const keys = await KeyMaker.open(server.home);
    const other = await keys.otherAccount();
    await keys.close();
    const foreign = await call(server, 'GET', artifactPath, { key: other });
    const missing = await call(server, 'GET', '/artifacts/art_doesnotexist', { key: other });
    expect(foreign.status).toBe(404);
    expect(codeOf(foreign)).toBe('not_found');
    expect(missing.status).toBe(404);
    expect(codeOf(await call(server, 'GET', artifactPath, { key: null }))).toBe('missing_api_key');
  });
});
