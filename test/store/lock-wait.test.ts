import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { storeSettingsFromEnv } from '../../src/store/index.js';
import { type LockSeam, waitForLock } from '../../src/store/lock-wait.js';

const busy = () => new BetterSqlite3.SqliteError('database is locked', 'SQLITE_BUSY');

/** A seam that records what waitForLock does with the connection. */
function recordingSeam(inTransaction = false): LockSeam & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    idle: () => !inTransaction,
    handBack: async () => {
      calls.push('hand back');
    },
    takeBack: async () => {
      calls.push('take back');
    },
  };
}

/** A statement refused `refusals` times, then answering. */
function statementRefused(refusals: number, seam: { calls: string[] }, error: () => Error = busy): () => Promise<string> {
  let left = refusals;
  return async () => {
    seam.calls.push('run');
    if (left-- > 0) throw error();
    return 'rows';
  };
}

describe('waitForLock', () => {
  it('runs a statement refused with SQLITE_BUSY again, handing the connection back for each wait and taking it before each try', async () => {
    const seam = recordingSeam();
    await expect(waitForLock(statementRefused(2, seam), seam, 60_000)).resolves.toBe('rows');
    expect(seam.calls).toEqual(['run', 'hand back', 'take back', 'run', 'hand back', 'take back', 'run']);
  });

  it('past its budget, fails with store_busy and a Retry-After, still holding the connection', async () => {
    const seam = recordingSeam();
    const error = await waitForLock(statementRefused(Number.POSITIVE_INFINITY, seam), seam, 0).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipewrightError);
    expect(error).toMatchObject({ code: 'store_busy', kind: 'operational', transient: true, details: { retryAfter: 1 } });
    expect(seam.calls).toEqual(['run']);
  });

  it('inside a transaction, does not run the statement again: the transaction fails with store_busy', async () => {
    const seam = recordingSeam(true);
    await expect(waitForLock(statementRefused(1, seam), seam, 60_000)).rejects.toMatchObject({ code: 'store_busy' });
    expect(seam.calls).toEqual(['run']);
  });

  it('passes any other failure through untouched, at once', async () => {
    const seam = recordingSeam();
    const constraint = () => new BetterSqlite3.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE');
    await expect(waitForLock(statementRefused(1, seam, constraint), seam, 60_000)).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(seam.calls).toEqual(['run']);
  });
});

describe('storeSettingsFromEnv', () => {
  it('reads the lock wait from PIPEWRIGHT_STORE_LOCK_WAIT_MS, and leaves the default when it is unset', () => {
    expect(storeSettingsFromEnv({ PIPEWRIGHT_STORE_LOCK_WAIT_MS: '250' })).toEqual({ lockWaitMs: 250 });
    expect(storeSettingsFromEnv({})).toEqual({});
  });

  it('refuses a value that is not a whole number of milliseconds, naming the variable', () => {
    expect(() => storeSettingsFromEnv({ PIPEWRIGHT_STORE_LOCK_WAIT_MS: '5s' })).toThrow(
      expect.objectContaining({ code: 'invalid_field', details: { field: 'PIPEWRIGHT_STORE_LOCK_WAIT_MS' } }),
    );
  });
});
