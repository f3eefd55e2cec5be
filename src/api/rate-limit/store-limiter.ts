import { RateLimiterPostgres, RateLimiterRes, RateLimiterSQLite } from 'rate-limiter-flexible';
import type { StoreConnection } from '../../service/index.js';
import { type BackendCall, flexibleRateLimiter, type RateLimiter } from './limiter.js';

/** rate-limiter-flexible's table (key, points, expire), one for every budget: keys carry the budget's prefix. */
const TABLE = 'rate_limits';
/** Windows that ended an hour ago are deleted this often, as rate-limiter-flexible does on PostgreSQL itself. */
const PRUNE_EVERY_MS = 5 * 60_000;
const HOUR_MS = 60 * 60_000;

/** RateLimiterSQLite has it (node_modules/rate-limiter-flexible/lib/RateLimiterSQLite.js); its typings do not say so. */
interface Prunable {
  clearExpired(beforeMs: number): Promise<void>;
}

/**
 * Per-minute counters in the store, so a budget holds across every API process on it
 * (CONTRACT.md §8): rate-limiter-flexible's RateLimiterPostgres on the store's pool, or its
 * RateLimiterSQLite on the store's connection. Its table is created here, before the first count.
 *
 * On SQLite every call holds the connection (`exclusive`): RateLimiterSQLite writes through
 * better-sqlite3 directly, and left to itself it would run inside whatever transaction of this
 * process is open (as a savepoint of it, undone if it rolls back), and fail outright when another
 * process holds the write lock. Held, its one-statement write is alone on the connection, and
 * a lock held elsewhere is waited for off the event loop, then answered `store_busy` as the store's
 * own statements are.
 */
export async function storeRateLimiter(connection: StoreConnection): Promise<RateLimiter> {
  if (connection.kind === 'postgres') {
    const options = (points: number) => ({
      storeClient: connection.pool,
      storeType: 'pool',
      tableName: TABLE,
      points,
      duration: 60,
      keyPrefix: `rpm${points}`,
    });
    // Concurrent creation by another process is tolerated by RateLimiterPostgres itself.
    await new Promise<void>(
      (resolve, reject) => new RateLimiterPostgres({ ...options(1), clearExpiredByTimeout: false }, (error) => (error ? reject(error) : resolve())),
    );
    return flexibleRateLimiter((points) => new RateLimiterPostgres({ ...options(points), tableCreated: true }));
  }
  const onBackend: BackendCall = async (call) => {
    // A refusal rejects with a RateLimiterRes, which is no Error: it is carried out of the store's
    // lock wait as a value (that wait retries with p-retry, which takes Errors only) and thrown here.
    const outcome = await connection.exclusive(() =>
      call().then(
        (value) => ({ value }),
        (rejection: unknown) => {
          if (rejection instanceof RateLimiterRes) return { refusal: rejection };
          throw rejection;
        },
      ),
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
  const prune = setInterval(() => onBackend(() => first.clearExpired(Date.now() - HOUR_MS)).catch(() => {}), PRUNE_EVERY_MS);
  prune.unref();
  return flexibleRateLimiter((points) => create(points), onBackend);
}
