import { afterEach, describe, expect, it } from 'vitest';
import { tempHome } from '../api/harness.js';
import { greetingFlow } from '../api/flows.js';
import { DEFAULT_PLAN_LIMITS } from '../../src/service/index.js';
import { killServed, runBuilt, serveBuilt as serve, type BuiltServer } from '../support/built-cli.js';

// The operator's settings of `serve`, through the built CLI: the limits for every account (flags
// over PIPEWRIGHT_* variables) and PIPEWRIGHT_API_KEY on a home that already has its account.

afterEach(killServed);

const keyOf = (text: string) => `sk-${text.repeat(Math.ceil(32 / text.length)).slice(0, 36)}`;

function api(served: BuiltServer, key: string) {
  return async (method: string, path: string, body?: unknown) => {
    const reply = await fetch(`${served.url}/api/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return {
      status: reply.status,
      limit: reply.headers.get('x-ratelimit-limit'),
      remaining: reply.headers.get('x-ratelimit-remaining'),
      body: (await reply.json()) as any,
    };
  };
}

describe('pipewright serve: operator limits', () => {
  it('sets the limits for every account from flags, then PIPEWRIGHT_* variables', async () => {
    const key = keyOf('Lim1t');
    const served = await serve(
      { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_API_KEY: key, PIPEWRIGHT_REQUESTS_PER_MINUTE: '500', PIPEWRIGHT_EXECUTIONS_PER_MINUTE: '5' },
      ['--executions-per-minute', '30'],
    );
    const call = api(served, key);
    const listed = await call('GET', '/workflows');
    expect([listed.status, listed.limit]).toEqual([200, '500']);
    const { id } = (await call('POST', '/workflows', greetingFlow())).body.data;
    const inputs = Array.from({ length: 25 }, (_, i) => ({ name: `n${i}` }));
    const batch = await call('POST', `/workflows/${id}/run`, { inputs });
    expect([batch.status, batch.limit, batch.remaining]).toEqual([202, '30', '5']);
    expect(batch.body.executionRuns).toHaveLength(25);
    expect((await call('GET', '/developer/usage')).body.data.limits).toEqual({ requestsPerMinute: 500, executionsPerMinute: 30, executionsPerDay: 1000 });
    await served.stop();
  });

  it('refuses a limit that is 0 or not a number with exit 2', async () => {
    const flag = await runBuilt(['serve', '--port', '0', '--requests-per-minute', '0'], { PIPEWRIGHT_HOME: tempHome() });
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/--requests-per-minute must be a whole number above 0 or "unlimited".*write unlimited for no limit/);
    const env = await runBuilt(['serve', '--port', '0'], { PIPEWRIGHT_HOME: tempHome(), PIPEWRIGHT_EXECUTIONS_PER_DAY: 'lots' });
    expect(env.code).toBe(2);
    expect(env.stderr).toMatch(/PIPEWRIGHT_EXECUTIONS_PER_DAY/);
  });

  it('names the defaults in --help', async () => {
    const help = (await runBuilt(['serve', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain(`pro ${DEFAULT_PLAN_LIMITS.pro.requestsPerMinute})`);
    expect(help).toContain(`default ${DEFAULT_PLAN_LIMITS.pro.executionsPerMinute})`);
    expect(help).toContain(`pro ${DEFAULT_PLAN_LIMITS.pro.executionsPerDay})`);
  });
});

describe('pipewright serve: PIPEWRIGHT_API_KEY on a home that has its account', () => {
  it('adds an unknown key as an admin key, keeps the others, and refuses one the store revoked', async () => {
    const home = tempHome();
    const first = keyOf('F1rst');
    const second = keyOf('S3cond');
    await (await serve({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: first })).stop();

    const again = await serve({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: second });
    expect(again.stderr()).toMatch(/PIPEWRIGHT_API_KEY was not a key of this store: added it as an admin key/);
    expect((await api(again, second)('GET', '/workflows')).status).toBe(200);
    expect((await api(again, first)('GET', '/workflows')).status).toBe(200);
    await again.stop();
    const listed = JSON.parse((await runBuilt(['keys', 'list', '--json'], { PIPEWRIGHT_HOME: home })).stdout) as Array<{ prefix: string; scopes: string[] }>;
    expect(listed.find((view) => second.startsWith(view.prefix))?.scopes).toEqual(['admin']);

    const revoke = await runBuilt(['keys', 'revoke', second.slice(0, 12)], { PIPEWRIGHT_HOME: home });
    expect(revoke.code, revoke.stderr).toBe(0);
    const refused = await runBuilt(['serve', '--port', '0'], { PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: second });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/PIPEWRIGHT_API_KEY names a key of this store that was revoked/);
  });
});
