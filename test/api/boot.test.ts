import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { bootServer } from '../../src/cli/serve/boot.js';
import { ADMIN_KEY, call, startTestServer, tempHome } from './harness.js';

describe('bootServer', () => {
  it('releases the store and the port when a later step fails', async () => {
    const home = tempHome();
    const logger = pino({ level: 'silent' });
    await expect(bootServer({ home, host: '127.0.0.1', port: 0, logger, api: { maxBodyBytes: 0 } })).rejects.toThrow(/maxBodyBytes/);
    const server = await startTestServer({ home });
    expect((await call(server, 'GET', '/healthz')).status).toBe(200);
    expect((await call(server, 'GET', '/nodes', { key: ADMIN_KEY })).status).toBe(200);
    await server.close();
  });
});

describe('first start', () => {
  it('imports the bundled templates once, tagged template; a restart does not bring deleted ones back', async () => {
    const home = tempHome();
    const first = await startTestServer({ home });
    const listed = await call(first, 'GET', '/workflows?tag=template&limit=100', { key: ADMIN_KEY });
    const templates = (listed.body as { data: Array<{ id: string; name: string }> }).data;
    expect(templates.length).toBeGreaterThanOrEqual(8);
    expect((await call(first, 'DELETE', `/workflows/${templates[0]!.id}`, { key: ADMIN_KEY })).status).toBe(200);
    await first.close();
    const again = await startTestServer({ home });
    const relisted = await call(again, 'GET', '/workflows?tag=template&limit=100', { key: ADMIN_KEY });
    expect((relisted.body as { data: unknown[] }).data).toHaveLength(templates.length - 1);
    await again.close();
  });
});
