import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { type KyselyPlugin, Kysely, PostgresDialect, type QueryId, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/store/database.js';
import { type CallbackAttemptRecord, type Store, openStore } from '../../src/store/index.js';
import { callbackDeliveryRepository } from '../../src/store/repositories/callback-deliveries.js';
import { postgresForFile } from '../support/postgres-per-file.js';
import { ManualClock } from './clock.js';

const at = (offsetMs: number) => new Date(Date.parse('2026-03-01T12:00:00.000Z') + offsetMs).toISOString();
const claim = (token: string, nowMs: number) => ({ token, now: at(nowMs), leaseUntil: at(nowMs + 60_000), limit: 10 });
const refused: CallbackAttemptRecord = { at: at(0), status: 500, error: 'The receiver answered 500', durationMs: 3 };

/** Runs `between` once, after the first read's rows have come back and before the caller sees them. */
class AfterFirstRead implements KyselyPlugin {
  readonly #reads = new WeakSet<QueryId>();
  #between: (() => Promise<void>) | undefined;

  constructor(between: () => Promise<void>) {
    this.#between = between;
  }

  transformQuery: KyselyPlugin['transformQuery'] = ({ node, queryId }) => {
    if (node.kind === 'SelectQueryNode') this.#reads.add(queryId);
    return node;
  };

  transformResult: KyselyPlugin['transformResult'] = async ({ queryId, result }) => {
    const between = this.#between;
    if (between && this.#reads.has(queryId)) {
      this.#between = undefined;
      await between();
    }
    return result;
  };
}

/** A store of the backend, and a second connection to its data whose reads can be held (the slow claimer). */
interface Backend {
  store: Store;
  slow: (plugin: KyselyPlugin) => Kysely<Database>;
}

/**
 * Two senders claiming one delivery, interleaved: A reads it due; B claims it, sends, and records a
 * refused attempt; then A's claim goes on. A must not take it as it read it: it would send early
 * and record its attempt over B's (docs/events.md, "Completion callbacks").
 */
function describeClaimRace(open: (now: () => Date) => Promise<Backend>): void {
  const opened: { store: Store; slow: Kysely<Database>[] }[] = [];
  afterEach(async () => {
    for (const { store, slow } of opened.splice(0)) await Promise.all([store.close(), ...slow.map((db) => db.destroy())]);
  });

  async function race(bNextAttemptAt: string) {
    const clock = new ManualClock();
    const { store, slow } = await open(clock.now);
    const dbs: Kysely<Database>[] = [];
    opened.push({ store, slow: dbs });
    const { id: accountId } = await store.accounts.create({ name: 'A', plan: 'pro', creditsBalance: 0 });
    await store.executions.create('exec_race', { accountId, workflowId: null, workflowVersion: null, inputs: {}, options: {}, trigger: 'execute' }, []);
    await store.executions.update('exec_race', { status: 'COMPLETED', endedAt: at(0) });
    await store.callbacks.create({ id: 'msg_race', executionId: 'exec_race', accountId, url: 'https://example.com/hook' });
    const db = slow(
      new AfterFirstRead(async () => {
        expect(await store.callbacks.claimDue(claim('b', 0))).toHaveLength(1);
        expect(await store.callbacks.recordAttempt('msg_race', 'b', { attempts: [refused], state: 'waiting', nextAttemptAt: bNextAttemptAt })).toBe(true);
      }),
    );
    dbs.push(db);
    const a = await callbackDeliveryRepository(db, clock.now).claimDue(claim('a', 0));
    return { a, after: await store.callbacks.forExecution('exec_race') };
  }

  it('does not take a delivery whose attempt was recorded after its read, and the next attempt stays as recorded', async () => {
    const { a, after } = await race(at(1_000));
    expect(a).toEqual([]);
    expect(after).toMatchObject([{ attempts: [refused], nextAttemptAt: at(1_000), state: 'waiting' }]);
  });

  it('does not take it either when the recorded next attempt is already due by its clock (another process’s clock is ahead)', async () => {
    const { a, after } = await race(at(0));
    expect(a).toEqual([]);
    expect(after).toMatchObject([{ attempts: [refused], nextAttemptAt: at(0), state: 'waiting' }]);
  });
}

describe('callback claimDue against a claim between its read and its update: SQLite', () => {
  const homes: string[] = [];
  afterEach(async () => {
    await Promise.all(homes.splice(0).map((home) => rm(home, { recursive: true, force: true })));
  });
  describeClaimRace(async (now) => {
    const home = await mkdtemp(join(tmpdir(), 'pw-claim-race-'));
    homes.push(home);
    const store = await openStore({ home, now });
    const file = join(home, 'pipewright.db');
    return { store, slow: (plugin) => new Kysely<Database>({ dialect: new SqliteDialect({ database: new BetterSqlite3(file) }), plugins: [plugin] }) };
  });
});

describe('callback claimDue against a claim between its read and its update: PostgreSQL', () => {
  const cluster = postgresForFile();
  describeClaimRace(async (now) => {
    const databaseUrl = await cluster().createDatabase();
    const store = await openStore({ home: '/nonexistent', databaseUrl, now });
    return {
      store,
      slow: (plugin) => new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }), plugins: [plugin] }),
    };
  });
});
