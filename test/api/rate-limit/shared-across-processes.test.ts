import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { killServed, serveBuilt } from '../../support/built-cli.js';
import { usePostgresCluster } from '../../e2e/support/postgres-cluster.js';
import { ADMIN_KEY } from '../../e2e/support/rest.js';

/** The operator's requests per minute: every key of the server, whichever process answers. */
const PER_MINUTE = 7;
/** Sent at once, split between the two processes: more than the budget, so some must be refused. */
const SENT = 3 * PER_MINUTE;

const homes: string[] = [];

afterEach(async () => {
  killServed();
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
});

async function twoServes(extra: Record<string, string> = {}) {
  const home = await mkdtemp(join(tmpdir(), 'pw-rate-'));
  homes.push(home);
  const env = { PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: ADMIN_KEY, PIPEWRIGHT_REQUESTS_PER_MINUTE: String(PER_MINUTE), ...extra };
  // One after the other: the first start creates the store and the key, the second finds them.
  const a = await serveBuilt(env);
  const b = await serveBuilt(env);
  return [a.url, b.url];
}

async function list(base: string) {
  const response = await fetch(`${base}/api/v1/workflows`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
  await response.arrayBuffer();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), remaining: response.headers.get('x-ratelimit-remaining') };
}

/**
 * docs/api.md "Rate limits": a key's requests per minute hold across every process on the store,
 * so the budget is spent once whichever process each request reaches; then every process refuses.
 */
async function expectOneBudget(bases: string[]): Promise<void> {
  const answers = await Promise.all(Array.from({ length: SENT }, (_, i) => list(bases[i % bases.length]!)));
  expect(answers.filter((answer) => answer.status === 200)).toHaveLength(PER_MINUTE);
  const refused = answers.filter((answer) => answer.status !== 200);
  expect(refused).toHaveLength(SENT - PER_MINUTE);
  for (const answer of refused) {
    expect(answer.status).toBe(429);
    expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(answer.remaining).toBe('0');
  }
  // Refused requests spent nothing, and the budget is spent for both processes alike.
  for (const base of bases) expect((await list(base)).status).toBe(429);
}

describe('built CLI: PIPEWRIGHT_REQUESTS_PER_MINUTE across two `serve` processes on one store', () => {
  const createDatabase = usePostgresCluster();

  it('on one SQLite home: exactly the budget succeeds, then 429 with Retry-After from either', async () => {
    await expectOneBudget(await twoServes());
  });

  it('on one PostgreSQL database: exactly the budget succeeds, then 429 with Retry-After from either', async () => {
    await expectOneBudget(await twoServes({ PIPEWRIGHT_DATABASE_URL: await createDatabase() }));
  });
});
