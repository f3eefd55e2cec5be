export type Defer = (cleanUp: () => Promise<unknown>) => void;

/**
 * Runs `work` with a `defer` that registers clean-ups (stop a child, remove a temp dir). They run
 * in reverse order however `work` ends — returned, thrown, or Ctrl-C, which exits 130 after them —
 * or as soon as `signal` aborts (a section out of time), which makes the work's pending calls on
 * its children fail, so it ends too.
 */
export async function withCleanup<T>(work: (defer: Defer) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const cleanUps: Array<() => Promise<unknown>> = [];
  let running: Promise<void> = Promise.resolve();
  // Each call runs the clean-ups registered since the last one, newest first, after it.
  const cleanUpAll = () =>
    (running = running.then(async () => {
      for (let cleanUp = cleanUps.pop(); cleanUp !== undefined; cleanUp = cleanUps.pop()) {
        await cleanUp().catch((error: unknown) => process.stderr.write(`bench: clean-up failed: ${String(error)}\n`));
      }
    }));
  const onInterrupt = () => void cleanUpAll().finally(() => process.exit(130));
  const onAbort = () => void cleanUpAll();
  process.once('SIGINT', onInterrupt);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    signal?.throwIfAborted();
    return await work((cleanUp) => {
      cleanUps.push(cleanUp);
      // Started after the abort (the clean-ups have run): undo it now and end the work here.
      if (signal?.aborted) {
        void cleanUpAll();
        throw signal.reason;
      }
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    signal?.removeEventListener('abort', onAbort);
    await cleanUpAll();
  }
}
