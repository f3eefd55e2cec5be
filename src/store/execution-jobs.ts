/** pg-boss's tables are in a schema of their own, beside the store's, on the same database. */
const SCHEMA = 'pgboss';
/** The one queue: each job names an execution that needs a look from a worker. */
const QUEUE = 'pipewright-executions';
/** pg-boss polls at most this often (its own floor is 500 ms). */
const MIN_POLL_SECONDS = 0.5;
/** A look that failed (the store was down) is retried, without end, this many seconds later. */
const RETRY = { retryLimit: 1_000_000, retryDelay: 2, retryBackoff: false } as const;

/** How a worker takes the jobs it fetches (see `ExecutionJobs.work`). */
export interface JobTaker {
  /** Looks at the execution; a rejection puts the job back, to be fetched again later. */
  take(executionId: string): Promise<void>;
  /** Resolves when this process can take another job: until then (or a lease) it fetches none. */
  ready(): Promise<void>;
}

/**
 * The execution queue on PostgreSQL, on pg-boss (docs/executions.md, "Queue seam"): jobs that
 * name executions, fetched by any worker with `FOR UPDATE SKIP LOCKED`, so one job reaches one
 * worker. What a job means — run it, or check on whoever holds it — is the caller's.
 */
export interface ExecutionJobs {
  /**
   * Adds a job for each execution, fetched no sooner than `afterSeconds` from now, in one
   * statement. While a job for one waits unfetched, none is added for it (the queue's `short`
   * policy on the execution id as singleton key): repeated sends collapse into one.
   */
  send(executionIds: readonly string[], afterSeconds?: number): Promise<void>;
  /**
   * Starts this process's fetch loop: one job at a time, completed once `take` resolved; after
   * each, it waits for `ready` before fetching again, and fetches at once when ready.
   */
  work(taker: JobTaker): Promise<void>;
  /** Stops fetching and closes pg-boss's connections. */
  close(): Promise<void>;
}

/**
 * Starts pg-boss on the database of `url`: its schema is created or migrated here, by pg-boss,
 * under its own advisory lock, so processes starting together race safely. `pg-boss` is loaded
 * only here, so a SQLite start never pays for it.
 */
export async function openExecutionJobs(options: { url: string; pollMs: number; leaseMs: number; onError?: (error: unknown) => void }): Promise<ExecutionJobs> {
  const { default: PgBossClass } = await import('pg-boss');
  // A job is done once a worker has looked at it: a few queries. One still active after two
  // leases was fetched by a process that died (or stalled) while looking, perhaps before it left
  // the next check; pg-boss's maintenance, run by one process every lease, fails it and it is
  // fetched again (RETRY), so even then the execution is looked at again within a few leases.
  const leaseSeconds = Math.max(1, Math.ceil(options.leaseMs / 1000));
  const expireInSeconds = 2 * leaseSeconds;
  // How long the fetch loop waits for a free slot before fetching anyway: pg-boss races the
  // handler against the job's expiry, so the wait stays inside it (a job fetched while still full
  // is put back by the caller).
  const holdMs = (expireInSeconds * 1000) / 2;
  const boss = new PgBossClass({ connectionString: options.url, schema: SCHEMA, max: 4, schedule: false, maintenanceIntervalSeconds: leaseSeconds });
  // pg-boss reports failures of its own loops (a dropped connection) as 'error' events; unheard,
  // they would end the process. Each loop tries again on its next turn.
  boss.on('error', (error) => options.onError?.(error));
  await boss.start();
  try {
    await boss.createQueue(QUEUE, { name: QUEUE, policy: 'short', ...RETRY });
  } catch (error) {
    await boss.stop({ graceful: false });
    throw error;
  }
  const pollingIntervalSeconds = Math.max(MIN_POLL_SECONDS, options.pollMs / 1000);
  let closed = false;
  return {
    async send(executionIds, afterSeconds = 0) {
      if (executionIds.length === 0) return;
      const startAfter = `${Math.ceil(afterSeconds)} seconds`;
      await boss.insert(executionIds.map((executionId) => ({ name: QUEUE, data: { executionId }, singletonKey: executionId, startAfter, expireInSeconds })));
    },
    async work(taker) {
      const workerId: string = await boss.work<{ executionId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds }, async (jobs) => {
        for (const job of jobs) {
          await taker.take(job.data.executionId);
          // Completed before waiting for room: the job is done, and no other worker waits on it.
          await boss.complete(QUEUE, job.id);
        }
        await Promise.race([taker.ready(), new Promise((resolve) => setTimeout(resolve, holdMs).unref())]);
        // Fetch again at once rather than after the polling interval: more jobs may be waiting.
        if (!closed) boss.notifyWorker(workerId);
      });
    },
    async close() {
      closed = true;
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
