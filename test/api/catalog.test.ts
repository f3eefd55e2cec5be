import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, type TestServer } from './harness.js';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server.close());

// docs/api.md, `GET /nodes`: an old name kept for compatibility is listed with `deprecated: true, aliasOf`.
describe('GET /nodes', () => {
  it('lists current types unmarked and aliases marked with the current type', async () => {
    const { status, body } = await call(server, 'GET', '/nodes');
    expect(status).toBe(200);
    const byType = new Map((body.nodes as Array<{ nodeType: string }>).map((node) => [node.nodeType, node]));
    expect(byType.get('generate:flux_2')).not.toHaveProperty('deprecated');
    expect(byType.get('generate:flux-2')).toMatchObject({ deprecated: true, aliasOf: 'generate:flux_2', deprecationNote: expect.any(String) });
  });
});
