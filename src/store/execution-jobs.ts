/** pg-boss's tables are in a schema of their own, beside the store's, on the same database. */
const SCHEMA = 'pgboss';
/** The one queue: each job names an execution that needs a look from a worker. */
const QUEUE = 'pipewright-executions';
/** A look that failed (the store was down) is retried, without end, this many seconds later. */
const RETRY = { retryLimit: 1_000_000, retryDelay: 2, retryBackoff: false } as const;

/** How a worker takes the jobs it fetches (see `ExecutionJobs.work`). */
export interface JobTaker {
  /** Looks at the execution; a rejection puts the job back, to be fetched again later. */
  take(executionId: string): Promise<void>;
  /** How many executions this process could start now: a fetch asks for at most this many jobs. */
  room(): number;
  /** Resolves once `room()` is above 0 (or the process is closing): until then it fetches none. */
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
   * Starts this process's fetch loop: once `ready`, it fetches up to `room()` jobs in one
   * statement, takes them together and completes each once its `take` resolved, then fetches
   * again at once; only a fetch that found nothing waits (`pollMs`) before the next.
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
  let closed = false;
  let loop: Promise<void> | undefined;
  /** Ends the wait of a fetch loop that found the queue empty, or waits for room, when closing. */
  let wakeOnClose: () => void = () => {};
  const closing = new Promise<void>((resolve) => (wakeOnClose = resolve));
  const pause = (ms: number) => Promise.race([closing, new Promise<void>((resolve) => setTimeout(resolve, ms).unref())]);

  /**
   * The worker's own loop, not pg-boss's `work()`: that fetches a fixed batch and then waits out its
   * polling interval (500 ms at least) unless told otherwise, so a worker with several free slots
   * filled them one job per round. Here a fetch asks for every free slot, and only an empty queue
   * makes the loop wait. A job stays active until its look is done: should this process die
   * meanwhile, pg-boss's maintenance fails it after `expireInSeconds` and it is fetched again.
   */
  async function fetchLoop(taker: JobTaker): Promise<void> {
    while (!closed) {
      await Promise.race([taker.ready(), closing]);
      if (closed) break;
      const room = taker.room();
      // pg-boss's fetch answers [] when its statement fails (the store is down): waited out as empty.
      const jobs = room > 0 ? await boss.fetch<{ executionId: string }>(QUEUE, { batchSize: room }) : [];
      if (jobs.length === 0) {
        await pause(options.pollMs);
        continue;
      }
      await Promise.all(
        jobs.map(async (job) => {
          try {
            await taker.take(job.data.executionId);
            await boss.complete(QUEUE, job.id);
          } catch (error) {
            options.onError?.(error);
            // Back in the queue, fetched again after RETRY's delay (or by maintenance, should this fail too).
            await boss.fail(QUEUE, job.id).catch(() => undefined);
          }
        }),
      );
    }
  }

  return {
    async send(executionIds, afterSeconds = 0) {
      if (executionIds.length === 0) return;
      const startAfter = `${Math.ceil(afterSeconds)} seconds`;
      await boss.insert(executionIds.map((executionId) => ({ name: QUEUE, data: { executionId }, singletonKey: executionId, startAfter, expireInSeconds })));
    },
    async work(taker) {
      loop ??= fetchLoop(taker);
    },
    async close() {
      closed = true;
      wakeOnClose();
      await loop;
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
    },
  };
}
