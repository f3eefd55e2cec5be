import { describe, expect, it } from 'vitest';
import { call, example, KeyMaker, startTestServer, tempHome } from './harness.js';

/** Webhook URLs carry the port, which a restart on port 0 changes. */
function withoutOrigin(server: { url: string }, body: unknown): unknown {
  return JSON.parse(JSON.stringify(body).replaceAll(server.url, 'ORIGIN'));
}

describe('restart', () => {
  it('keeps every workflow, version and key across a stop and a start on the same home', async () => {
    const home = tempHome();
    const first = await startTestServer({ home });
    const created = (await call(first, 'POST', '/workflows', { json: example('branching') })).body.data;
    await call(first, 'PUT', `/workflows/${created.id}`, { json: { ...example('branching'), name: 'Second version' } });
    const other = (await call(first, 'POST', '/workflows', { json: example('fan-out') })).body.data;
    const keys = await KeyMaker.open(home);
    const readKey = await keys.key({ scopes: ['workflows:read'] });
    await keys.close();
    const before = {
      list: withoutOrigin(first, (await call(first, 'GET', '/workflows')).body),
      workflow: withoutOrigin(first, (await call(first, 'GET', `/workflows/${created.id}`)).body),
      versions: (await call(first, 'GET', `/workflows/${created.id}/versions`)).body,
    };
    await first.close();

    // Same home and the same admin key: bootstrap finds the account and creates nothing, so the
    // key that works now is the one stored by the first start.
    const second = await startTestServer({ home });
    try {
      expect(withoutOrigin(second, (await call(second, 'GET', '/workflows')).body)).toEqual(before.list);
      expect(withoutOrigin(second, (await call(second, 'GET', `/workflows/${created.id}`)).body)).toEqual(before.workflow);
      expect((await call(second, 'GET', `/workflows/${created.id}/versions`)).body).toEqual(before.versions);
      expect((await call(second, 'GET', `/workflows/${created.id}/versions/1`)).body.name).toBe(example('branching').name);
      expect((await call(second, 'GET', `/workflows/${other.id}`, { key: readKey })).status).toBe(200);
      expect((await call(second, 'DELETE', `/workflows/${other.id}`, { key: readKey })).status).toBe(403);
    } finally {
      await second.close();
    }
  });
});
