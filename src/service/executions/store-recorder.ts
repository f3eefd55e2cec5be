import { PipewrightError } from '../../errors/index.js';
import type { ExecutionRecorder, ExecutionState, NodeState } from '../../engine/index.js';
import type { Store, WriteGuard } from '../../store/index.js';
import { ProgressCoalescer } from './progress-coalescer.js';

interface Tracked {
  accountId: string;
  /** When the execution first started: a resumed run keeps it. */
  startedAt: string | null;
  /** The process running it: its writes land only while the execution is still its own (store WriteGuard). */
  owner?: string;
}

/**
 * The engine's recorder on the durable store. The engine awaits each write before it reports the
 * transition, so what poll and detail read is never behind what a listener was told. A node
 * write carries its charge (ExecutionRepository.saveNode), hence the account of each execution.
 *
 * The store refuses every write to an execution that has ended (another process cancelled it) or
 * that another process has taken over (fencing: writes carry the owner), and the refusal is news:
 * `onEnded` hears it, and has stopped the run, before the write returns, so the engine starts
 * nothing more (a node's RUNNING write comes before its provider call).
 */
export class StoreRecorder implements ExecutionRecorder {
  readonly #tracked = new Map<string, Tracked>();
  readonly #progress: ProgressCoalescer;
  #closed = false;

  constructor(
    private readonly store: Pick<Store, 'executions'>,
    private readonly onEnded: (executionId: string) => void | Promise<void>,
    progressIntervalMs?: number,
  ) {
    this.#progress = new ProgressCoalescer(
      // Fenced like every other write; a refused one is dropped, as progress is best-effort.
      (executionId, nodeId, progress, message) => {
        const tracked = this.#tracked.get(executionId);
        if (tracked === undefined) return Promise.resolve(false);
        return store.executions.saveProgress(executionId, nodeId, progress, message, guard(tracked));
      },
      progressIntervalMs,
    );
  }

  track(executionId: string, tracked: Tracked): void {
    this.#tracked.set(executionId, tracked);
  }

  forget(executionId: string): void {
    this.#tracked.delete(executionId);
    this.#progress.forget(executionId);
  }

  /**
   * After shutdown nothing more is written: runs still going stay RUNNING in the store, as after
   * a crash, and the next start resumes them.
   */
  close(): void {
    this.#closed = true;
    for (const executionId of this.#tracked.keys()) this.#progress.forget(executionId);
  }

  async execution(state: Omit<ExecutionState, 'nodes'>): Promise<void> {
    const tracked = this.#owner(state.executionId);
    const written = await this.store.executions.update(
      state.executionId,
      {
        status: state.status,
        startedAt: tracked.startedAt ?? state.startedAt ?? null,
        endedAt: state.endedAt ?? null,
        finalOutput: state.finalOutput ?? null,
        error: state.error === undefined ? null : { ...state.error },
        credits: state.credits,
      },
      guard(tracked),
    );
    if (!written) await this.onEnded(state.executionId);
  }

  /** A node's progress written before its next state, so its stream never tells progress after the end. */
  async node(executionId: string, node: NodeState): Promise<void> {
    const tracked = this.#owner(executionId);
    if (node.status !== 'RUNNING') this.#progress.end(executionId, node.nodeId);
    await this.#progress.settled(executionId);
    if (!(await this.store.executions.saveNode(executionId, tracked.accountId, node, guard(tracked)))) await this.onEnded(executionId);
  }

  /** Coalesced (progress-coalescer.ts): a node may report far more often than is worth a row. */
  progress(executionId: string, nodeId: string, progress: number, message?: string): void {
    if (this.#closed || !this.#tracked.has(executionId)) return;
    this.#progress.report(executionId, nodeId, progress, message);
  }

  #owner(executionId: string): Tracked {
    if (this.#closed) throw new PipewrightError('shutting_down', 'The process is shutting down');
    const tracked = this.#tracked.get(executionId);
    if (tracked === undefined) throw new PipewrightError('untracked_execution', `Execution ${executionId} was not started by this process`);
    return tracked;
  }
}

function guard(tracked: Tracked): WriteGuard | undefined {
  return tracked.owner === undefined ? undefined : { owner: tracked.owner };
}
