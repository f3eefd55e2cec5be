/** At most one `node.progress` event per node per this long (docs/events.md). */
export const PROGRESS_INTERVAL_MS = 1_000;
/** A report that moved less than this since the last one written is not worth an event. */
const MIN_STEP = 0.01;

type Write = (executionId: string, nodeId: string, progress: number, message?: string) => Promise<unknown>;

interface NodeProgress {
  writtenAt: number;
  written: number | undefined;
  held?: { progress: number; message: string | undefined };
  timer?: NodeJS.Timeout;
}

/**
 * Keeps a chatty node from writing thousands of rows: a report is written at once when the
 * node's last was written at least PROGRESS_INTERVAL_MS ago; otherwise the latest is held and
 * written when that interval ends, unless the node has ended meanwhile. A report within MIN_STEP
 * of the last written is dropped. Writes of one execution go one after another, so a node's
 * progress never lands after its final state (`settled` is awaited before that is written).
 */
export class ProgressCoalescer {
  readonly #nodes = new Map<string, NodeProgress>();
  readonly #chains = new Map<string, Promise<void>>();

  constructor(
    private readonly write: Write,
    private readonly intervalMs = PROGRESS_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  report(executionId: string, nodeId: string, progress: number, message: string | undefined): void {
    const key = keyOf(executionId, nodeId);
    const node = this.#nodes.get(key) ?? { writtenAt: -Infinity, written: undefined };
    this.#nodes.set(key, node);
    if (node.written !== undefined && Math.abs(progress - node.written) < MIN_STEP) return;
    const wait = node.writtenAt + this.intervalMs - this.now();
    if (wait <= 0) {
      this.#send(executionId, nodeId, node, progress, message);
      return;
    }
    node.held = { progress, message };
    node.timer ??= setTimeout(() => {
      node.timer = undefined;
      const held = node.held;
      if (held !== undefined && this.#nodes.get(key) === node) this.#send(executionId, nodeId, node, held.progress, held.message);
    }, wait).unref();
  }

  /** Resolves once every progress write of the execution begun so far has landed (or failed). */
  settled(executionId: string): Promise<void> {
    return this.#chains.get(executionId) ?? Promise.resolve();
  }

  /** The node has ended: what it held back is dropped (its final state says more). */
  end(executionId: string, nodeId: string): void {
    const key = keyOf(executionId, nodeId);
    clearTimeout(this.#nodes.get(key)?.timer);
    this.#nodes.delete(key);
  }

  forget(executionId: string): void {
    for (const key of [...this.#nodes.keys()]) if (key.startsWith(`${executionId}\0`)) this.end(executionId, key.slice(executionId.length + 1));
    this.#chains.delete(executionId);
  }

  #send(executionId: string, nodeId: string, node: NodeProgress, progress: number, message: string | undefined): void {
    Object.assign(node, { writtenAt: this.now(), written: progress, held: undefined });
    const chain = this.settled(executionId)
      // Progress is a hint: a write the store refuses or fails is not the run's failure.
      .then(() => this.write(executionId, nodeId, progress, message))
      .then(
        () => undefined,
        () => undefined,
      );
    this.#chains.set(executionId, chain);
  }
}

function keyOf(executionId: string, nodeId: string): string {
  return `${executionId}\0${nodeId}`;
}
