import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { greetingFlow } from '../api/flows.js';
import { assertFreshBuild, type BuiltServer, killServed, runBuilt, serveBuilt } from '../support/built-cli.js';
import { ADMIN_KEY } from './support/rest.js';

// Several processes on one PIPEWRIGHT_HOME (docs/store.md, "Several processes on one home"), as
// when `npm start` runs beside the `pipewright mcp` a coding agent started.

const homes: string[] = [];
const holders: ChildProcess[] = [];

beforeAll(() => assertFreshBuild());
afterEach(async () => {
  for (const holder of holders.splice(0)) holder.kill('SIGKILL');
  killServed();
  await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
});

async function newHome(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'pw-e2e-shared-'));
  homes.push(home);
  return home;
}

/** Room for 80 requests of one key a minute, whichever process they reach (docs/api.md, "Rate limits"). */
const BUDGET = { PIPEWRIGHT_REQUESTS_PER_MINUTE: '100' };

function homeEnv(home: string, extra: Record<string, string> = {}): Record<string, string> {
  return { PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: ADMIN_KEY, ...extra };
}

interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

async function call(server: BuiltServer, method: string, path: string, body?: unknown, key = ADMIN_KEY): Promise<Answer> {
  const response = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, json: await response.json() };
}

/**
 * Another process that takes the write lock of `<home>/pipewright.db` and keeps it until told to
 * let go: resolves once it holds the lock.
 */
async function holdWriteLock(home: string): Promise<{ release(): Promise<void> }> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const program = `
    const db = new (require(${JSON.stringify(driver)}))(${JSON.stringify(join(home, 'pipewright.db'))}, { timeout: 10000 });
    db.exec('begin immediate');
    console.log('locked');
    process.stdin.once('data', () => { db.exec('commit'); db.close(); console.log('released'); process.exit(0); });
  `;
  const holder = spawn(process.execPath, ['-e', program], { stdio: ['pipe', 'pipe', 'inherit'] });
  holders.push(holder);
  const lines = createInterface({ input: holder.stdout! })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('locked');
  return {
    async release() {
      holder.stdin!.write('go\n');
      expect((await lines.next()).value).toBe('released');
      await once(holder, 'exit');
    },
  };
}

describe('built CLI: two serve processes on one home', () => {
  it('takes 80 concurrent creates, then 80 concurrent updates, split over both without a 5xx, and keeps every one', { timeout: 60_000 }, async () => {
    const home = await newHome();
    // One after the other: the first start creates the account and the key the second finds.
    const first = await serveBuilt(homeEnv(home, BUDGET));
    // A second key, made by `keys create` beside the running server: each key has a request budget
    // of its own, counted in the store for both processes (BUDGET), and the creates and the updates
    // each take 80 of one key's.
    const made = await runBuilt(['keys', 'create', '--name', 'updater', '--scopes', 'workflows:read,workflows:write', '--json'], { PIPEWRIGHT_HOME: home });
    expect(made.code, made.stderr).toBe(0);
    const updater: string = JSON.parse(made.stdout).key;
    const second = await serveBuilt(homeEnv(home, BUDGET));
    const on = (i: number) => (i % 2 === 0 ? first : second);
    const names = Array.from({ length: 80 }, (_, i) => `shared-home-${i}`);
    const created = await Promise.all(names.map((name, i) => call(on(i), 'POST', '/workflows', greetingFlow(name))));
    expect(created.filter((answer) => answer.status >= 500).map((answer) => answer.json)).toEqual([]);
    expect(created.map((answer) => answer.status)).toEqual(names.map(() => 201));
    // An update reads the row and then writes it: the transaction that once failed with
    // SQLITE_BUSY_SNAPSHOT when the other process wrote in between.
    const ids = created.map((answer) => answer.json.data.id as string);
    const updated = await Promise.all(ids.map((id, i) => call(on(i + 1), 'PUT', `/workflows/${id}`, greetingFlow(`${names[i]}-v2`), updater)));
    expect(updated.filter((answer) => answer.status >= 500).map((answer) => answer.json)).toEqual([]);
    expect(updated.map((answer) => answer.status)).toEqual(ids.map(() => 200));
    const listed = await call(second, 'GET', '/workflows?q=shared-home-&limit=100', undefined, updater);
    const rows = (listed.json.data as Array<{ name: string; version: number }>).map(({ name, version }) => `${name} v${version}`);
    expect(rows.sort()).toEqual(names.map((name) => `${name}-v2 v2`).sort());
  });

  it('serves the health check and a keyed read while a write waits for a lock held by another process, then lands the write once the lock is let go', {
    timeout: 60_000,
  }, async () => {
    const home = await newHome();
    // A wait far longer than the test, so the write cannot give up while the reads are answered.
    const server = await serveBuilt(homeEnv(home, { PIPEWRIGHT_STORE_LOCK_WAIT_MS: '600000' }));
    const existing = await call(server, 'POST', '/workflows', greetingFlow('before the lock'));
    expect(existing.status).toBe(201);
    const lock = await holdWriteLock(home);

    let writeSettled = false;
    const write = call(server, 'POST', '/workflows', greetingFlow('during the lock')).finally(() => {
      writeSettled = true;
    });
    // The health check is a store read: the same process answers it and a keyed read while the
    // write waits, so its event loop is not held by the wait.
    expect((await fetch(`${server.url}/api/v1/healthz`)).status).toBe(200);
    expect((await call(server, 'GET', `/workflows/${existing.json.data.id}`)).status).toBe(200);
    expect(writeSettled).toBe(false);

    await lock.release();
    const landed = await write;
    expect(landed.status, JSON.stringify(landed.json)).toBe(201);
    expect((await call(server, 'GET', `/workflows/${landed.json.data.id}`)).status).toBe(200);
  });

  it('answers a write kept out by a lock held longer than PIPEWRIGHT_STORE_LOCK_WAIT_MS with 503 store_busy and Retry-After', { timeout: 60_000 }, async () => {
    const home = await newHome();
    const server = await serveBuilt(homeEnv(home, { PIPEWRIGHT_STORE_LOCK_WAIT_MS: '200' }));
    const lock = await holdWriteLock(home);

    const refused = await call(server, 'POST', '/workflows', greetingFlow('during the lock'));
    expect(refused.status).toBe(503);
    expect(refused.json.error).toMatchObject({ type: 'api_error', code: 'store_busy' });
    expect(refused.json.retryAfter).toBe(1);
    expect(refused.headers.get('retry-after')).toBe('1');

    await lock.release();
    expect((await call(server, 'POST', '/workflows', greetingFlow('after the lock'))).status).toBe(201);
  });
});
