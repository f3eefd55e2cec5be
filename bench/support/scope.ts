export type Defer = (cleanUp: () => Promise<unknown>) => void;

/**
 * Runs `work` with a `defer` that registers clean-ups (stop a child, remove a temp dir). They run
 * in reverse order however `work` ends — returned, thrown, or Ctrl-C, which exits 130 after them.
 */
export async function withCleanup<T>(work: (defer: Defer) => Promise<T>): Promise<T> {
  const cleanUps: Array<() => Promise<unknown>> = [];
  let done: Promise<void> | undefined;
  const cleanUpAll = () => (done ??= (async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp().catch((error: unknown) => process.stderr.write(`bench: clean-up failed: ${String(error)}\n`));
  })());
  const onInterrupt = () => void cleanUpAll().finally(() => process.exit(130));
  process.once('SIGINT', onInterrupt);
  try {
    return await work((cleanUp) => cleanUps.push(cleanUp));
  } finally {
    process.off('SIGINT', onInterrupt);
    await cleanUpAll();
  }
}
