/** The IPC messages between the bench (parent) and a server it forked. */

export interface ReadyMessage<T> {
  type: 'ready';
  info: T;
}

export interface UsageMessage {
  type: 'usage';
  /** `process.cpuUsage()` of the child, user + system, in microseconds. */
  cpuMicros: number;
  /** `process.memoryUsage.rss()` of the child, in bytes. */
  rssBytes: number;
}

export type ChildMessage<T> = ReadyMessage<T> | UsageMessage;

export interface ParentMessage {
  type: 'usage';
}

/**
 * The child's side: announce `info` once listening, answer usage queries, and close on SIGTERM
 * or when the parent goes away (a crashed bench must not leave servers behind).
 */
export function answerParent<T>(info: T, close: () => Promise<void>): void {
  const send = (message: ChildMessage<T>) => process.send!(message);
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'usage') {
      const { user, system } = process.cpuUsage();
      send({ type: 'usage', cpuMicros: user + system, rssBytes: process.memoryUsage.rss() });
    }
  });
  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    // process.exit, not a signal death, so that --cpu-prof gets to write its profile.
    void close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  // Ctrl-C reaches the whole process group; the bench itself cleans up, so close as for SIGTERM.
  process.once('SIGINT', shutdown);
  process.once('disconnect', shutdown);
  send({ type: 'ready', info });
}
