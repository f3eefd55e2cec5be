import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startTestServer, tempHome, type TestServer } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';

// `keys` in a child process on the home a running server uses, as an operator would.
let server: TestServer;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  env = { PIPEWRIGHT_HOME: server.home };
});
afterAll(() => server.close());

const keys = (...args: string[]) => runBuilt(['keys', ...args], env);

describe('pipewright keys', () => {
  it('create prints the key once on stdout; the server accepts it with its scopes', async () => {
    const result = await keys('create', '--name', 'ci', '--scopes', 'workflows:read,usage:read', '--expires', '30d');
    expect(result.code).toBe(0);
    const key = result.stdout.trim();
    expect(key).toMatch(/^sk-[A-Za-z0-9]{32,}$/);
    expect(result.stderr).toMatch(/will not be shown again/);
    expect(result.stderr).not.toContain(key);
    const as = { url: server.url, adminKey: key };
    expect((await call(as, 'GET', '/workflows')).status).toBe(200);
    expect((await call(as, 'POST', '/workflows', { json: { nodes: [] } })).status).toBe(403);
  });

  it('list shows prefix, name, scopes, dates and status; --json the same as data', async () => {
    await keys('create', '--name', 'listed', '--expires', '2099-01-01T00:00:00Z');
    const json = JSON.parse((await keys('list', '--json')).stdout) as Array<Record<string, unknown>>;
    expect(json).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'admin', scopes: ['admin'] }),
        expect.objectContaining({ name: 'listed', expiresAt: '2099-01-01T00:00:00.000Z', revokedAt: null, prefix: expect.stringMatching(/^sk-/) }),
      ]),
    );
    expect(JSON.stringify(json)).not.toMatch(/sk-[A-Za-z0-9]{32,}/);
    const table = (await keys('list')).stdout;
    expect(table.split('\n')[0]).toMatch(/^PREFIX\s+NAME\s+STATUS\s+SCOPES\s+CREATED\s+EXPIRES\s+REVOKED\s+LAST USED$/);
    expect(table).toMatch(/listed\s+active/);
  });

  it('revoke by prefix: the key stops working and is listed as revoked', async () => {
    const key = (await keys('create', '--name', 'doomed')).stdout.trim();
    const prefix = key.slice(0, 10);
    const result = await keys('revoke', prefix);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Revoked') });
    expect((await call({ url: server.url, adminKey: key }, 'GET', '/nodes')).status).toBe(401);
    expect((await keys('list')).stdout).toMatch(/doomed\s+revoked/);
  });

  it.each([
    [['create', '--expires', 'soon'], /--expires takes/],
    [['create', '--expires', '2001-01-01'], /future/],
    [['create', '--scopes', 'workflows:read,root'], /Scopes must be/],
    [['revoke', 'sk-nothing-like-it'], /No key starts with/],
  ])('refuses %j with exit 2 and a message', async (args, message) => {
    const result = await keys(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('says how to begin when the home has no account yet', async () => {
    const result = await runBuilt(['keys', 'list'], { PIPEWRIGHT_HOME: tempHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pipewright serve/);
  });
});
