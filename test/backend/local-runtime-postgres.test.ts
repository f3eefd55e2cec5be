import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restLinks } from '../../src/api/index.js';
import { openLocalRuntime } from '../../src/backend/index.js';
import type { ExecutionPlumbing } from '../../src/backend/execution-plumbing.js';
import { postgresForFile } from '../support/postgres-per-file.js';
import { until } from '../support/until.js';

// Each plumbing a runtime opens (the real one), its queue's and cancel feed's `close` watched.
const opened = vi.hoisted(() => [] as Array<{ plumbing: ExecutionPlumbing; closed: string[] }>);
vi.mock('../../src/backend/execution-plumbing.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/backend/execution-plumbing.js')>();
  return {
    ...real,
    openExecutionPlumbing: async (options: Parameters<typeof real.openExecutionPlumbing>[0]) => {
      const plumbing = await real.openExecutionPlumbing(options);
      const entry = { plumbing, closed: [] as string[] };
      opened.push(entry);
      for (const [part, closable] of Object.entries(plumbing)) {
        const close = closable.close.bind(closable);
        closable.close = () => {
          entry.closed.push(part);
          return close();
        };
      }
      return plumbing;
    },
  };
});

const cluster = postgresForFile();
const homes: string[] = [];
afterEach(async () => {
  for (const home of homes.splice(0)) await rm(home, { recursive: true, force: true });
});

/** Runs `sql` on the cluster's `postgres` database, beside the one under test. */
async function onCluster<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[]): Promise<T[]> {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

const backends = async (databaseUrl: string) =>
  (
    await onCluster<{ n: number }>(databaseUrl, 'select count(*)::int as n from pg_stat_activity where datname = $1', [new URL(databaseUrl).pathname.slice(1)])
  )[0]!.n;

async function start(databaseUrl: string, env: NodeJS.ProcessEnv, onBackgroundError?: (error: unknown) => void) {
  const home = await mkdtemp(join(tmpdir(), 'pipewright-runtime-pg-'));
  homes.push(home);
  return openLocalRuntime({
    home,
    env: { PIPEWRIGHT_DATABASE_URL: databaseUrl, ...env },
    mode: 'server',
    settings: { links: restLinks('http://127.0.0.1:8787') },
    runs: 'worker',
    ...(onBackgroundError && { onBackgroundError }),
  });
}

describe('openLocalRuntime on PostgreSQL', () => {
  it('a start that fails after pg-boss started stops it and the cancel feed, leaving no connection open', async () => {
    const databaseUrl = await cluster().createDatabase();
    opened.length = 0;
    // Read after the execution plumbing opened, so the failure comes with pg-boss running.
    await expect(start(databaseUrl, { PIPEWRIGHT_CALLBACK_POLL_MS: 'soon' })).rejects.toMatchObject({ code: 'invalid_field' });
    expect(opened.map((entry) => entry.closed.sort())).toEqual([['cancelFeed', 'queue']]);
    await until(async () => (await backends(databaseUrl)) === 0, 10_000, 'every connection closed');
  });

  it('tells onBackgroundError when its background connections break', async () => {
    const databaseUrl = await cluster().createDatabase();
    const heard: unknown[] = [];
    const runtime = await start(databaseUrl, {}, (error) => heard.push(error));
    try {
      const name = new URL(databaseUrl).pathname.slice(1);
      const listening = async () =>
        (await onCluster(databaseUrl, "select 1 from pg_stat_activity where datname = $1 and query like 'LISTEN%'", [name])).length > 0;
      await until(listening, 10_000, 'the cancel LISTEN connection');
      await onCluster(databaseUrl, 'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
      await until(() => heard.length > 0, 10_000, 'a background error heard');
      expect(heard[0]).toBeInstanceOf(Error);
    } finally {
      await runtime.close();
    }
  });
});
