import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type CancelNotices, type ExecutionJobs, openCancelNotices, openExecutionJobs } from '../../src/store/index.js';
import { openPostgresStore } from '../../src/store/postgres-store.js';
import { postgresForFile } from '../support/postgres-per-file.js';
import { until } from '../support/until.js';

// One throwaway cluster for the file, a new database for every test.
const cluster = postgresForFile();

const opened: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of opened.splice(0)) await closable.close();
});

/** A long lease: a worker that is not ready does not fetch again (after a lease) within the test. */
async function jobsOn(url: string): Promise<ExecutionJobs> {
  const jobs = await openExecutionJobs({ url, pollMs: 500, leaseMs: 60_000 });
  opened.push(jobs);
  return jobs;
}

async function waiting(url: string): Promise<Array<{ key: string; later: boolean }>> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ key: string; later: boolean }>(
      "select singleton_key as key, start_after > now() as later from pgboss.job where name = 'pipewright-executions' and state = 'created' order by singleton_key",
    );
    return rows;
  } finally {
    await pool.end();
  }
}

describe('execution jobs on pg-boss (PostgreSQL)', () => {
  it('creates its schema when several processes start at once, and collapses sends for an execution while one waits', async () => {
    const url = await cluster().createDatabase();
    const [first, second] = await Promise.all([jobsOn(url), jobsOn(url)]);
    await first!.send(['exec_a', 'exec_b']);
    await second!.send(['exec_a']);
    await first!.send(['exec_c'], 60);
    await second!.send(['exec_c']);
    expect(await waiting(url)).toEqual([
      { key: 'exec_a', later: false },
      { key: 'exec_b', later: false },
      { key: 'exec_c', later: true },
    ]);
  });

  it('hands each job to one worker, no more at a time than it has room for, and none while it has no room', async () => {
    const url = await cluster().createDatabase();
    const sender = await jobsOn(url);
    const workers = [await jobsOn(url), await jobsOn(url)];
    const taken: string[] = [];
    let room = 1;
    // The first worker has one slot, full once it took a job: it fetches nothing more.
    await workers[0]!.work({
      take: async (id) => void ((room -= 1), taken.push(`first:${id}`)),
      room: () => room,
      ready: () => (room > 0 ? Promise.resolve() : new Promise(() => {})),
    });
    await sender.send(['exec_1']);
    await until(() => taken.length === 1);
    await sender.send(['exec_2', 'exec_3']);
    await workers[1]!.work({ take: async (id) => void taken.push(`second:${id}`), room: () => 4, ready: async () => {} });
    await until(() => taken.length === 3);
    // One insert sends exec_2 and exec_3 together: pg-boss orders them by job id, not as sent.
    expect([...taken].sort()).toEqual(['first:exec_1', 'second:exec_2', 'second:exec_3']);
    expect(await waiting(url)).toEqual([]);
  });

  it('fetches as many jobs as the worker has room for in one go, and takes them together', async () => {
    const url = await cluster().createDatabase();
    const sender = await jobsOn(url);
    await sender.send(['exec_1', 'exec_2', 'exec_3', 'exec_4']);
    const worker = await jobsOn(url);
    const inside: string[] = [];
    // Each take returns only once three are inside at once: fetched one by one, none would return.
    await worker.work({
      take: async (id) => {
        inside.push(id);
        await until(() => inside.length >= 3);
      },
      room: () => 3 - Math.min(inside.length, 3),
      ready: () => (inside.length < 3 ? Promise.resolve() : new Promise(() => {})),
    });
    await until(() => inside.length === 3);
    expect(await waiting(url)).toHaveLength(1);
  });
});

describe('cancel notices on LISTEN/NOTIFY (PostgreSQL)', () => {
  it('tells the listening process of each cancel announced by another, and again after its connection was cut', async () => {
    const url = await cluster().createDatabase();
    const listening: CancelNotices = await openCancelNotices({ url });
    const announcing: CancelNotices = await openCancelNotices({ url });
    opened.push(listening, announcing);
    const heard: string[] = [];
    listening.listen((id) => heard.push(id));
    // LISTEN is in place once an announcement made now is heard.
    await until(async () => {
      await announcing.announce('exec_probe');
      return heard.includes('exec_probe');
    });
    await announcing.announce('exec_1');
    await until(() => heard.includes('exec_1'));

    const admin = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN%'");
    } finally {
      await admin.end();
    }
    await until(async () => {
      await announcing.announce('exec_2');
      return heard.includes('exec_2');
    });
  });
});

describe('store sessions idle inside a transaction (PostgreSQL)', () => {
  it('are ended by the server, releasing their locks for another process, and the stalled store recovers', async () => {
    const url = await cluster().createDatabase();
    // The stalled process: a short limit, so the test does not wait out the default.
    const stalled = await openPostgresStore({ url, idleInTransactionMs: 300 });
    const other = await openPostgresStore({ url });
    try {
      let inside: () => void = () => {};
      const entered = new Promise<void>((resolve) => (inside = resolve));
      let resume: () => void = () => {};
      const resumed = new Promise<void>((resolve) => (resume = resolve));
      // Holds Store.transaction's advisory lock and then waits on something other than a statement,
      // as a process paused mid-transaction does.
      const stalledRun = stalled.transaction(async (tx) => {
        await tx.accounts.count();
        inside();
        await resumed;
      });
      await entered;
      // Waits for the advisory lock until the server ends the stalled session.
      await other.transaction((tx) => tx.accounts.create({ name: 'After', plan: 'pro', creditsBalance: 0 }));
      resume();
      await expect(stalledRun).rejects.toThrow();
      expect(await stalled.accounts.count()).toBe(1);
      expect(await stalled.transaction((tx) => tx.accounts.count())).toBe(1);
    } finally {
      await stalled.close();
      await other.close();
    }
  });
});
