import type pg from 'pg';

/** The LISTEN/NOTIFY channel cancels are announced on; the payload is the execution id. */
const CHANNEL = 'pipewright_cancel';
/** How long a lost listening connection waits before connecting again. */
const RECONNECT_MS = 1_000;

/**
 * Cancels told across processes on PostgreSQL (docs/executions.md, "Cancel"): the process that
 * recorded a cancel NOTIFYs, and a process running executions LISTENs on one connection of its
 * own. A notification is only news — the CANCELLED row is the truth — so one lost while the
 * connection was down costs time, not correctness: the store poll beside it still finds the row.
 */
export interface CancelNotices {
  /** NOTIFY that the execution was cancelled; call after the cancel committed. */
  announce(executionId: string): Promise<void>;
  /** LISTENs from now on, reconnecting whenever the connection is lost. Once per process. */
  listen(onCancelled: (executionId: string) => void): void;
  close(): Promise<void>;
}

export async function openCancelNotices(options: { url: string; onError?: (error: unknown) => void }): Promise<CancelNotices> {
  const { default: pgModule } = await import('pg');
  // Announcing is one statement now and then: a pool of one, connected on first use.
  const pool = new pgModule.Pool({ connectionString: options.url, max: 1 });
  pool.on('error', () => {});
  let listener: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const connect = async (onCancelled: (executionId: string) => void) => {
    const client = new pgModule.Client({ connectionString: options.url });
    listener = client;
    const lost = (error?: unknown) => {
      if (error !== undefined) options.onError?.(error);
      if (listener !== client) return;
      listener = undefined;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (!closed) retry = setTimeout(() => void connect(onCancelled), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) onCancelled(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      lost(error);
    }
  };

  return {
    async announce(executionId) {
      await pool.query('select pg_notify($1, $2)', [CHANNEL, executionId]);
    },
    listen(onCancelled) {
      void connect(onCancelled);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const client = listener;
      listener = undefined;
      await Promise.allSettled([client?.end(), pool.end()]);
    },
  };
}
