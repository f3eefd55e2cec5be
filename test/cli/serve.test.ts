import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../api/harness.js';
import { runBuilt } from '../support/built-cli.js';
import { killServed, serveBuilt as serve } from '../support/built-cli.js';

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
    const result = await runBuilt(['serve', '--port', '80x'], { PIPEWRIGHT_HOME: tempHome() });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Port must be an integer/);
  });

  it('signs file output URLs under PIPEWRIGHT_PUBLIC_URL for PIPEWRIGHT_ARTIFACT_URL_TTL seconds', async () => {
    const key = `sk-${'Ttl7'.repeat(9)}`;
    const served = await serve({
      PIPEWRIGHT_HOME: tempHome(),
      PIPEWRIGHT_API_KEY: key,
      PIPEWRIGHT_PUBLIC_URL: 'https://pw.example/base',
      PIPEWRIGHT_ARTIFACT_URL_TTL: '120',
    });
    const api = (path: string, body?: unknown) =>
      fetch(`${served.url}/api/v1${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }).then((reply) => reply.json() as Promise<any>);
    const { data } = await api('/workflows', {
      name: 'Image',
      nodes: [
        { id: 'p', data: { nodeType: 'input:text', config: { prompt: 'a cup' } } },
        { id: 'img', data: { nodeType: 'generate:flux_2', config: {} } },
      ],
      edges: [{ id: 'e', source: 'p', target: 'img', sourceHandle: 'out-text', targetHandle: 'in-prompt' }],
    });
    const { executionId } = await api(`/workflows/${data.id}/execute`, { dryRun: true });
    let poll: any;
    await expect.poll(async () => (poll = await api(`/workflows/executions/${executionId}/poll`)).status, { timeout: 15_000 }).toBe('COMPLETED');
    const url = /^https:\/\/pw\.example\/base\/api\/v1\/artifacts\/art_[0-9a-f]{24}\?exp=([0-9]+)&sig=/.exec(poll.nodeStates[1].outputUrl);
    expect(url, poll.nodeStates[1].outputUrl).not.toBeNull();
    // The expiry is rounded up by at most a tenth of the lifetime.
    expect(Number(url![1]) - Date.now() / 1000).toBeGreaterThan(110);
    expect(Number(url![1]) - Date.now() / 1000).toBeLessThanOrEqual(132);
    served.child.kill('SIGTERM');
    expect(await served.exit).toBe(0);
  });

  it('refuses a signed URL lifetime that is not a positive number of seconds, with exit 2', async () => {
    const flag = await runBuilt(['serve', '--port', '0', '--artifact-url-ttl', '0'], { PIPEWRIGHT_HOME: tempHome() });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/artifact URL lifetime/);
    const env = await runBuilt(['serve', '--port', '0'], { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_ARTIFACT_URL_TTL: '7d' });
    expect(env.code).toBe(2);
  });

  it('refuses a malformed PIPEWRIGHT_API_KEY with exit 2, releasing the port and the store', async () => {
    const result = await runBuilt(['serve', '--port', '0'], { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_API_KEY: 'sk-short' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/An API key is sk- followed by/);
  });
});
