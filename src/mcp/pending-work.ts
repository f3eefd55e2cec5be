/**
 * Work a tool started on its way out (cancelling an execution whose request was aborted) that
 * must finish before the backend closes, or the cancel would race the store's shutdown.
 */
export class PendingWork {
  readonly #pending = new Set<Promise<unknown>>();

  track(work: Promise<unknown>): void {
    const settled = work.catch(() => undefined).finally(() => this.#pending.delete(settled));
    this.#pending.add(settled);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#pending]);
  }
}
