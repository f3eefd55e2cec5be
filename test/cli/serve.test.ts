import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../api/harness.js';
import { runCli } from './run-cli.js';
import { killServed, serve } from './serve-child.js';

afterEach(killServed);

const keysIn = (text: string) => text.match(/sk-[A-Za-z0-9]{32,}/g) ?? [];

describe('pipewright serve', () => {
  it('prints a new admin key once on first start, serves with it, and stops cleanly on SIGTERM', async () => {
    const home = tempHome();
    const first = await serve({ PIPEWRIGHT_HOME: home });
    const printed = keysIn(first.stderr());
    expect(printed).toHaveLength(1);
    expect(first.stderr()).toMatch(/save this key now/i);
    const reply = await fetch(`${first.url}/api/v1/workflows`, { headers: { Authorization: `Bearer ${printed[0]}` } });
    expect(reply.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.stderr()).toMatch(/"msg":"stopped"/);
    expect(first.stdout()).toBe('');

    const second = await serve({ PIPEWRIGHT_HOME: home });
    expect(keysIn(second.stderr())).toEqual([]);
    const again = await fetch(`${second.url}/api/v1/workflows`, { headers: { Authorization: `Bearer ${printed[0]}` } });
    expect(again.status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('takes the first admin key from PIPEWRIGHT_API_KEY and never prints it', async () => {
    const key = `sk-${'Zx9'.repeat(12)}`;
    const served = await serve({ PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_API_KEY: key });
    expect(keysIn(served.stderr())).toEqual([]);
    expect((await fetch(`${served.url}/api/v1/nodes`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
  });

  it('refuses a bad port with exit 2 before opening anything', async () => {
    const result = await runCli(['serve', '--port', '80x'], { PIPEWRIGHT_HOME: tempHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Port must be an integer/);
  });

  it('refuses a malformed PIPEWRIGHT_API_KEY with exit 2, releasing the port and the store', async () => {
    const result = await runCli(['serve', '--port', '0'], { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_API_KEY: 'sk-short' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/An API key is sk- followed by/);
  });
});
