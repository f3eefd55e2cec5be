import {
  ApiOnlyQueue,
  InProcessQueue,
  NotifyCancelFeed,
  PgBossQueue,
  StorePollQueue,
  type CreateServicesOptions,
  type ExecutionQueue,
  type LeaseTimes,
} from '../service/index.js';
import { openCancelNotices, openExecutionJobs, type Store, storeSettingsFromEnv } from '../store/index.js';

/** How executions reach the processes that run them, and how cancels reach those processes. */
export interface ExecutionPlumbing {
  queue: ExecutionQueue;
  /** Unset: the dispatcher's default, the store poll. */
  cancelFeed?: NonNullable<CreateServicesOptions['cancelFeed']>;
}

export interface ExecutionPlumbingOptions {
  /** As LocalRuntimeOptions.runs: `own` (default), `worker` or `none`. */
  runs?: 'own' | 'worker' | 'none';
  concurrency?: number;
  env: NodeJS.ProcessEnv;
  store: Store;
  lease: LeaseTimes;
  /** How often a queue that polls looks for work. */
  pollMs: number;
  /**
   * Told each failure of PostgreSQL's background work — pg-boss's loops, the fetch loop, the
   * cancel LISTEN connection — which tries again by itself; unheard, a broken loop is silent.
   */
  onError: (error: unknown) => void;
}

/**
 * On SQLite the store is the queue (StorePollQueue) and the news of a cancel (the store poll); on
 * PostgreSQL pg-boss hands executions out (PgBossQueue) and cancels are NOTIFYed (NotifyCancelFeed),
 * as docs/executions.md, "Queue seam", says.
 */
export async function openExecutionPlumbing(options: ExecutionPlumbingOptions): Promise<ExecutionPlumbing> {
  const runs = options.runs ?? 'own';
  const concurrency = options.concurrency === undefined ? {} : { concurrency: options.concurrency };
  const { databaseUrl } = storeSettingsFromEnv(options.env);
  if (databaseUrl === undefined) {
    if (runs === 'none') return { queue: new ApiOnlyQueue() };
    return { queue: runs === 'worker' ? new StorePollQueue({ ...concurrency, pollMs: options.pollMs }) : new InProcessQueue(concurrency) };
  }
  const { onError } = options;
  const jobs = await openExecutionJobs({ url: databaseUrl, pollMs: options.pollMs, leaseMs: options.lease.ttlMs, onError });
  try {
    const notices = await openCancelNotices({ url: databaseUrl, onError });
    return {
      queue: new PgBossQueue({ jobs, runs, leaseMs: options.lease.ttlMs, ...concurrency }),
      cancelFeed: new NotifyCancelFeed({ notices, store: options.store, listens: runs !== 'none' }),
    };
  } catch (error) {
    await jobs.close();
    throw error;
  }
}

/** Stops what the plumbing opened (pg-boss, the LISTEN connection) when no dispatcher came to own it. */
export async function closeExecutionPlumbing(plumbing: ExecutionPlumbing): Promise<void> {
  await plumbing.queue.close();
  await plumbing.cancelFeed?.close();
}
