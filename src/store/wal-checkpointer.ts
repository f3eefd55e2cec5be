import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the WAL is copied back into the database file, in ms: the WAL holds about this much writing. */
const CHECKPOINT_EVERY_MS = 1000;

/**
 * The thread's whole program, CommonJS as an eval'd worker runs. PASSIVE never waits for readers
 * or writers and never calls the busy handler (https://www.sqlite.org/c3ref/wal_checkpoint_v2.html);
 * the one refusal to expect is another process checkpointing the same file, and the next tick
 * tries again. The driver's path comes in: an eval'd worker resolves modules from the working
 * directory, not from pipewright.
 */
const PROGRAM = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
`;

export interface WalCheckpointer {
  stop(): Promise<void>;
}

/**
 * Copies the WAL of `file` back into the database on a thread of its own. A checkpoint fsyncs
 * (the only fsync under synchronous=NORMAL) and took 5–50 ms a time here; run by the commit that
 * crossed wal_autocheckpoint, it froze that process's event loop, and every request in it, for
 * as long. The caller turns automatic checkpoints off; should the thread fail, `onFailure`
 * turns them back on.
 */
export function startWalCheckpointer(file: string, onFailure: () => void): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(PROGRAM, { eval: true, workerData: { driver, file, everyMs: CHECKPOINT_EVERY_MS } });
  // A short command (`keys create`) exits when its work is done, checkpointer or not.
  worker.unref();
  worker.once('error', onFailure);
  return {
    // Terminating closes the thread's connection (better-sqlite3 closes its handles with the thread).
    stop: async () => {
      await worker.terminate();
    },
  };
}
