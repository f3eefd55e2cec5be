import BetterSqlite3 from 'better-sqlite3';
import { PipewrightError } from '../errors/index.js';
import { type Backoff, retry } from '../net/index.js';

/** How long a statement waits for another process's write lock before it fails, unless the opener says otherwise. */
export const DEFAULT_LOCK_WAIT_MS = 5000;

/**
 * The waits between tries: short at first, since most locks are held for a millisecond or two,
 * then at most 200 ms apart, so a lock held for seconds costs a few dozen tries of at most
 * SQLite's own few-millisecond busy timeout each (open-store.ts).
 */
const LOCK_BACKOFF: Backoff = { minDelayMs: 5, factor: 2, maxDelayMs: 200 };

/** What a caller refused with `store_busy` is told to wait, in seconds: the lock's holder is unknown, so the shortest useful wait. */
const RETRY_AFTER_SECONDS = 1;

/** The connection a statement runs on, as far as waiting for the lock needs it. */
export interface LockSeam {
  /** Whether the connection is outside a transaction: only there has a statement refused with SQLITE_BUSY done nothing. */
  idle(): boolean;
  /** Lets this process's other statements use the connection while this one waits. */
  handBack(): Promise<void>;
  /** Takes the connection again before the next try. */
  takeBack(): Promise<void>;
}

/**
 * Runs `statement`; when another process holds the lock it needs (SQLITE_BUSY) and it ran outside
 * a transaction, it did nothing, so it is tried again after an asynchronous, jittered wait, with
 * the connection handed back meanwhile: the event loop and this process's reads go on. Past
 * `budgetMs`, or refused inside a transaction (whose earlier statements a retry would not
 * repeat), it fails with `store_busy`, which the faces answer as 503 with `Retry-After`.
 */
export async function waitForLock<T>(statement: () => Promise<T>, seam: LockSeam, budgetMs: number): Promise<T> {
  const deadline = Date.now() + budgetMs;
  let handedBack = false;
  try {
    return await retry(
      async () => {
        if (handedBack) {
          await seam.takeBack();
          handedBack = false;
        }
        try {
          return await statement();
        } catch (error) {
          if (isBusy(error) && seam.idle() && Date.now() < deadline) {
            await seam.handBack();
            handedBack = true;
          }
          throw error;
        }
      },
      // Retried exactly when the connection was handed back, so it is always taken again first.
      { retries: Number.POSITIVE_INFINITY, backoff: LOCK_BACKOFF, retryable: () => handedBack },
    );
  } catch (error) {
    throw isBusy(error) ? storeBusy(error) : error;
  }
}

/** SQLITE_BUSY and its extended codes (SQLITE_BUSY_SNAPSHOT, SQLITE_BUSY_RECOVERY, …). */
function isBusy(error: unknown): boolean {
  return error instanceof BetterSqlite3.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

function storeBusy(cause: unknown): PipewrightError {
  return new PipewrightError('store_busy', undefined, { details: { retryAfter: RETRY_AFTER_SECONDS }, cause });
}
