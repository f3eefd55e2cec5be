/**
 * How the process that runs an execution hears that another process cancelled it: a cancel takes
 * effect wherever the run is (another `serve`, the stdio MCP server, a worker) within 2 seconds
 * (CONTRACT §2). The cancel itself is a store write (`executions.cancel`); a feed only carries
 * the news to the holder. On SQLite the row is the news and the holder polls for it
 * (StorePollCancelFeed); on PostgreSQL `announce` can NOTIFY and `watch` LISTEN instead.
 */
export interface CancelFeed {
  /**
   * Starts reporting, through `onEnded`, each execution among `running()` (what this process
   * runs now) that is no longer QUEUED or RUNNING in the store. Called once, by the dispatcher.
   */
  watch(running: () => readonly string[], onEnded: (executionId: string) => void): void;
  /** This process has just recorded the cancel of an execution it does not run itself. */
  announce(executionId: string): Promise<void>;
  /** Reports nothing more. */
  close(): Promise<void>;
}
