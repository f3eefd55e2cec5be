import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { StoreConnection } from '../../service/index.js';
import { isPipewrightError } from '../../errors/index.js';
import { type BackendCall, flexibleRateLimiter, memoryRateLimiter, type RateLimiter } from './limiter.js';

/** rate-limiter-flexible's table (key, points, expire), one for every budget: keys carry the budget's prefix. */
const TABLE = 'rate_limits';
/** Windows that ended an hour ago are deleted this often, as rate-limiter-flexible itself would (one timer per budget). */
const PRUNE_EVERY_MS = 5 * 60_000;
const HOUR_MS = 60 * 60_000;

/**
 * RateLimiterSQLite and RateLimiterPostgres have it (node_modules/rate-limiter-flexible/lib/); their
 * typings do not say so.
 */
interface Prunable {
  clearExpired(beforeMs: number): Promise<unknown>;
}

/** A limiter that prunes its table now and then, until `close`. */
export interface StoreRateLimiter extends RateLimiter {
  /** Stops the pruning; call before the store closes. */
  close(): void;
}

/**
 * How long a count waits for another process's write lock on SQLite before this process counts in
 * its own memory instead: a request is never held up, or refused, for a lock it does not need.
 * The price is told in docs/api.md, "Rate limits": while it lasts, each process gives the budget.
 */
const COUNT_LOCK_WAIT_MS = 250;

/**
 * Per-minute counters in the store, so a budget holds across every API process on it
 * (docs/api.md, "Rate limits"): rate-limiter-flexible's RateLimiterPostgres on the store's
 * database, or its RateLimiterSQLite on the store's connection. Its table is created here, before
 * the first count.
 */
export async function storeRateLimiter(connection: StoreConnection): Promise<StoreRateLimiter> {
  if (connection.kind === 'sqlite') return sqliteRateLimiter(connection);
  const options = (points: number) => ({
    storeClient: connection.pool,
    storeType: 'pool',
    tableName: TABLE,
    clearExpiredByTimeout: false,
    points,
    duration: 60,
    keyPrefix: `rpm${points}`,
  });
  // Concurrent creation by another process is tolerated by RateLimiterPostgres itself.
  const first = await new Promise<RateLimiterPostgres & Prunable>((resolve, reject) => {
    const limiter = new RateLimiterPostgres(options(1), (error) => (error ? reject(error) : resolve(limiter as RateLimiterPostgres & Prunable)));
  });
  const shared = flexibleRateLimiter((points) => new RateLimiterPostgres({ ...options(points), tableCreated: true }));
  return pruning(shared, () => first.clearExpired(Date.now() - HOUR_MS));
}

/** One prune timer for the whole table (every budget is in it), cleared by `close`. */
function pruning(limiter: RateLimiter, prune: () => Promise<unknown>): StoreRateLimiter {
  const timer = setInterval(() => void prune().catch(() => {}), PRUNE_EVERY_MS);
  timer.unref();
  return { consume: limiter.consume, refund: limiter.refund, close: () => clearInterval(timer) };
}

/**
 * Every call holds the connection (`exclusive`): RateLimiterSQLite writes through better-sqlite3
 * directly, and left to itself it would run inside whatever transaction of this process is open
 * (as a savepoint of it, undone if it rolls back), and fail outright when another process holds
 * the write lock. Held, its one-statement write is alone on the connection, and a lock held
 * elsewhere is waited for off the event loop. A lock held past COUNT_LOCK_WAIT_MS (a long write of
 * another process) is not the request's business: that count is made in this process's memory.
 */
async function sqliteRateLimiter(connection: Extract<StoreConnection, { kind: 'sqlite' }>): Promise<StoreRateLimiter> {
  const onBackend: BackendCall = async (call) => {
    // A refusal rejects with a RateLimiterRes, which is no Error: it is carried out of the store's
    // lock wait as a value (that wait retries with p-retry, which takes Errors only) and thrown here.
    const outcome = await connection.exclusive(
      () =>
        call().then(
          (value) => ({ value }),
          (rejection: unknown) => {
            if (rejection instanceof RateLimiterRes) return { refusal: rejection };
            throw rejection;
          },
        ),
      COUNT_LOCK_WAIT_MS,
    );
    if ('refusal' in outcome) throw outcome.refusal;
    return outcome.value;
  };
  // The same handle every time; it is used only inside `onBackend`.
  const database = await connection.exclusive(async (db) => db);
  const create = (points: number, ready?: (error?: Error) => void) =>
    new RateLimiterSQLite(
      {
        storeClient: database,
        storeType: 'better-sqlite3',
        tableName: TABLE,
        tableCreated: ready === undefined,
        clearExpiredByTimeout: false,
        points,
        duration: 60,
        keyPrefix: `rpm${points}`,
      },
      ready,
    );
  const first = await onBackend(
    () =>
      new Promise<RateLimiterSQLite & Prunable>((resolve, reject) => {
        const limiter = create(1, (error) => (error ? reject(error) : resolve(limiter as RateLimiterSQLite & Prunable)));
      }),
  );
  const shared = flexibleRateLimiter((points) => create(points), onBackend);
  const local = memoryRateLimiter();
  const counts: RateLimiter = {
    consume: (key, perMinute, points) => shared.consume(key, perMinute, points).catch(orLocally(() => local.consume(key, perMinute, points))),
    refund: (key, perMinute, points) => shared.refund(key, perMinute, points).catch(orLocally(() => local.refund(key, perMinute, points))),
  };
  return pruning(counts, () => onBackend(() => first.clearExpired(Date.now() - HOUR_MS)));
}

function orLocally<T>(local: () => Promise<T>): (error: unknown) => Promise<T> {
  return async (error) => {
    if (isPipewrightError(error) && error.code === 'store_busy') return local();
    throw error;
  };
}
