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
