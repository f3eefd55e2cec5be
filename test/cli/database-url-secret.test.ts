import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuilt } from '../support/built-cli.js';

// docs/store.md, "PostgreSQL": the database URL is never printed, since it may hold the password;
// a store that cannot be opened says only that the database of PIPEWRIGHT_DATABASE_URL failed, and why.
const PASSWORD = 's3cret';
const URLS = {
  // Port 1 on the loopback: nothing listens, the connection is refused.
  'a closed port': `postgres://u:${PASSWORD}@127.0.0.1:1/db`,
  // A URL the driver cannot parse: its error is about the URL itself.
  'a port out of range': `postgres://u:${PASSWORD}@127.0.0.1:99999/db`,
};

let home: string;
beforeAll(async () => (home = await mkdtemp(join(tmpdir(), 'pw-db-url-'))));
afterAll(() => rm(home, { recursive: true, force: true }));

describe.each(Object.entries(URLS))('a PostgreSQL store that cannot be opened (%s)', (_, url) => {
  it.each([
    ['keys list', ['keys', 'list']],
    ['serve', ['serve', '--port', '0']],
  ])('%s fails naming PIPEWRIGHT_DATABASE_URL, without the password', async (_command, args) => {
    const result = await runBuilt(args, { PIPEWRIGHT_HOME: home, PIPEWRIGHT_DATABASE_URL: url });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('PostgreSQL database of PIPEWRIGHT_DATABASE_URL');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });

  it('--database-url fails the same way, without the password', async () => {
    const result = await runBuilt(['keys', 'list', '--database-url', url], { PIPEWRIGHT_HOME: home });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('PIPEWRIGHT_DATABASE_URL');
    expect(result.stdout + result.stderr).not.toContain(PASSWORD);
  });
});
