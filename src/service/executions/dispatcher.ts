import { Engine, FINISHED_EXECUTION_STATUSES, type EngineOptions, type ExecutionHandle, type ExecutionStatus, type NodeState } from '../../engine/index.js';
import type { NodeRegistry } from '../../nodes/index.js';
import type { SecurityPolicy } from '../../net/index.js';
import type { ArtifactStore } from '../../artifacts/index.js';
import { errorEntry, PipewrightError } from '../../errors/index.js';
import type { ExecutionRecord, NodeRunRecord, Store } from '../../store/index.js';
import type { ExecutionQueue, TakeOutcome } from './queue.js';
import type { CancelFeed } from './cancel-feed.js';
import { StorePollCancelFeed } from './store-poll-cancel-feed.js';
import { OwnedArtifactStore } from './owned-artifacts.js';
import { StoreOutputCache } from './store-output-cache.js';
import { StoreRecorder } from './store-recorder.js';
import { storedGraph } from './stored-graph.js';
import { newOwnerToken, ownerAlive, retireOwnerToken } from './owner-token.js';
import { DEFAULT_LEASE, type LeaseTimes } from './lease.js';

export interface DispatcherOptions {
  store: Store;
  registry: NodeRegistry;
  policy: SecurityPolicy;
  /** Where the bytes go; ownership is recorded in the store on top of it. */
  artifacts: ArtifactStore;
  queue: ExecutionQueue;
  now: () => Date;
  /** Engine limits and retries; the output cache is the store's (shared with every process on it) unless one is given. */
  engine?: Pick<EngineOptions, 'concurrency' | 'retry' | 'cache'>;
  /** How long shutdown waits for running executions before leaving them to the next start. */
  shutdownGraceMs?: number;
  /**
   * Told about executions that stopped on a fault that is not a node's (the store went away), and
   * about admitted ones the queue refused to take (they are handed out again within a lease).
   */
  onError?: (error: unknown, executionId: string) => void;
  /** How cancels recorded by other processes reach this one; default: polling the store. */
  cancelFeed?: CancelFeed;
  /** How long this process holds what it runs without renewing, and how often it renews. */
  lease?: LeaseTimes;
}

const DEFAULT_SHUTDOWN_GRACE_MS = 5_000;
/** How long `cancel` waits for a running execution to settle before answering. */
const CANCEL_WAIT_MS = 2_000;
/** At most this many executions nobody holds are handed out per lease, oldest first. */
const HAND_OUT_LIMIT = 1_000;

/**
 * Runs what the queue hands out on this process's one engine, and owns the handles that cancel
 * needs. Every run starts from the store — the graph it recorded and the node rows it has — so
 * a fresh run, a retry and a resume after a crash are one code path.
 */
export class Dispatcher {
  readonly artifacts: OwnedArtifactStore;
  /** This process's claim on the executions it admits and resumes. */
  readonly owner = newOwnerToken();
  readonly #engine: Engine;
  readonly #recorder: StoreRecorder;
  readonly #cancelFeed: CancelFeed;
  readonly #running = new Map<string, ExecutionHandle>();
  /** Taken for this process and given to its queue, until its worker is done with them: what it renews. */
  readonly #held = new Set<string>();
  /** Cancelled while a worker was loading them: the worker must not start them. */
  readonly #cancelled = new Set<string>();
  #stopping = false;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: DispatcherOptions) {
    this.#recorder = new StoreRecorder(options.store, (executionId) => this.#refused(executionId));
    this.artifacts = new OwnedArtifactStore({ inner: options.artifacts, store: options.store, now: options.now, readUnowned: options.policy.allowLocalFiles });
    this.#engine = new Engine({
      cache: new StoreOutputCache({ store: options.store, now: options.now }),
      ...options.engine,
      registry: options.registry,
      artifacts: this.artifacts,
      policy: options.policy,
      recorder: this.#recorder,
    });
    options.queue.consume(
      (executionId) => this.#run(executionId),
      (limit) => this.#claim(limit),
      (executionId, unfinished) => this.#take(executionId, unfinished),
    );
    if (options.queue.runsHere) this.#keepLeases();
    this.#cancelFeed = options.cancelFeed ?? new StorePollCancelFeed({ store: options.store });
    this.#cancelFeed.watch(
      () => [...this.#running.keys()],
      (executionId) => this.#endedElsewhere(executionId),
    );
  }

  /**
   * Gives an execution to the queue: one this process holds, to run here, and then leaves a check
   * for it (`holding`) should this process die; on an API-only process, one nobody holds, for a
   * worker. Never rejects: the execution is stored QUEUED whatever the queue says, so a refusal
   * (pg-boss's send failed) is only reported. One the queue did not take is not renewed either:
   * its lease ends, and a claim or the periodic hand-out (`#handOutUnheld`) brings it to a worker.
   */
  async enqueue(executionId: string): Promise<void> {
    const { queue } = this.options;
    if (queue.runsHere) this.#held.add(executionId);
    try {
      await queue.enqueue(executionId);
    } catch (error) {
      if (!this.#running.has(executionId)) this.#held.delete(executionId);
      this.options.onError?.(error, executionId);
      return;
    }
    if (queue.runsHere) await queue.holding?.([executionId]).catch((error: unknown) => this.options.onError?.(error, executionId));
  }

  /**
   * Who an execution admitted here belongs to: this process, leased from now, when it runs
   * executions; nobody on an API-only process, so that any worker may claim it.
   */
  admitAs(): { owner: string | null; leaseUntil: string | null } {
    return this.options.queue.runsHere ? { owner: this.owner, leaseUntil: this.#leaseEnd() } : { owner: null, leaseUntil: null };
  }

  /**
   * At start: queues every execution nobody holds or a dead process of this host left QUEUED or
   * RUNNING; returns how many (a queue that hands out gets those nobody holds instead: `handOut`).
   * The process check only makes a same-host restart quick: one whose owner is alive here, or on
   * another host, is left to its lease — once that has ended, the queue's claims take it over
   * (`#claim`). An API-only process resumes nothing.
   */
  async resumeUnfinished(): Promise<number> {
    if (!this.options.queue.runsHere) return 0;
    const { executions } = this.options.store;
    let resumed = 0;
    const { queue } = this.options;
    const unfinished = await executions.unfinished();
    const handedOut = queue.handOut === undefined ? [] : unfinished.filter((record) => record.owner === null);
    await queue.handOut?.(handedOut.map((record) => record.id));
    for (const record of unfinished) {
      if (this.#running.has(record.id) || handedOut.includes(record)) continue;
      const mine = record.owner === this.owner;
      if (!mine && record.owner !== null && ownerAlive(record.owner)) continue;
      if (!mine && !(await executions.claimOwner(record.id, this.owner, { from: record.owner, leaseUntil: this.#leaseEnd() }))) continue;
      await this.enqueue(record.id);
      resumed++;
    }
    return resumed;
  }

  /**
   * One running here is aborted (the engine marks its nodes). Any other — queued, RUNNING in
   * another live process, or RUNNING as a dead process left it — is cancelled in the store, and a
   * worker of this process that is loading it does not start it. The process running it hears
   * of it through the cancel feed and aborts it; meanwhile the store refuses its writes, so no
   * node of it completes or is charged after the CANCELLED row.
   */
  async cancel(record: ExecutionRecord): Promise<void> {
    const handle = this.#running.get(record.id);
    if (handle !== undefined) {
      handle.cancel();
      await Promise.race([handle.result.catch(() => undefined), delay(CANCEL_WAIT_MS)]);
      return;
    }
    this.#cancelled.add(record.id);
    const cancelled = await this.options.store.executions.cancel(record.id, { endedAt: this.options.now().toISOString(), error: errorEntry('cancelled') });
    // It finished meanwhile: nothing was cancelled, and no worker will come asking.
    if (!cancelled) this.#cancelled.delete(record.id);
    else await this.#cancelFeed.announce(record.id);
  }

  async shutdown(): Promise<void> {
    this.#stopping = true;
    await this.options.queue.close();
    const grace = this.options.shutdownGraceMs ?? DEFAULT_SHUTDOWN_GRACE_MS;
    await Promise.race([Promise.allSettled([...this.#running.values()].map((h) => h.result)), delay(grace)]);
    await this.#cancelFeed.close();
    this.#recorder.close();
    for (const timer of this.#timers) clearTimeout(timer);
    retireOwnerToken(this.owner);
    // What is left unfinished here is anyone's at once, on any host, rather than after the lease.
    if (this.options.queue.runsHere) await this.options.store.executions.renewLeases(this.owner, this.options.now().toISOString()).catch(() => 0);
  }

  /**
   * Takes over up to `limit` executions nobody holds: QUEUED with no owner, or whose owner's lease
   * has ended (it died, on any host). Each claim is one conditional update that succeeds only while
   * the row still has the owner read here and the lease still ended, so two processes never both win.
   */
  async #claim(limit: number): Promise<string[]> {
    const { executions } = this.options.store;
    const now = this.options.now().toISOString();
    const won: string[] = [];
    for (const record of await executions.claimable(now, limit)) {
      if (this.#stopping || this.#running.has(record.id)) continue;
      if (await executions.claimOwner(record.id, this.owner, { from: record.owner, leaseUntil: this.#leaseEnd(), expiredBy: now })) won.push(record.id);
    }
    for (const executionId of won) this.#held.add(executionId);
    return won;
  }

  /**
   * Takes one execution a queue's hand-out names, when nobody holds it: no owner, or an owner whose
   * lease has ended. The claim is the same conditional update as `#claim`'s, so of two processes
   * handed the same execution, one wins; a live holder, this process included, keeps it.
   */
  async #take(executionId: string, unfinished: () => Promise<void>): Promise<TakeOutcome> {
    const { executions } = this.options.store;
    const record = await executions.load(executionId);
    if (record === undefined || FINISHED_EXECUTION_STATUSES.has(record.status as ExecutionStatus)) return 'finished';
    await unfinished();
    // One leased to this process that it does not hold (its hand-off failed) is taken like any other once its lease ends.
    if (this.#stopping || this.#held.has(executionId) || this.#running.has(executionId)) return 'held';
    const now = this.options.now().toISOString();
    const won = await executions.claimOwner(executionId, this.owner, { from: record.owner, leaseUntil: this.#leaseEnd(), expiredBy: now });
    if (won) this.#held.add(executionId);
    return won ? 'taken' : 'held';
  }

  /**
   * Renews, every `renewMs`, the leases of what this process holds — running, or waiting in its
   * queue — and nothing else: an execution leased to it that it lost track of (its hand-off to the
   * queue failed) lets its lease end, and another claim or hand-out takes it. Every lease, a queue
   * with a hand-out of its own also hands out what nobody holds (`#handOutUnheld`).
   */
  #keepLeases(): void {
    const { renewMs, ttlMs } = this.options.lease ?? DEFAULT_LEASE;
    this.#every(renewMs, async () => {
      const mine = [...new Set([...this.#held, ...this.#running.keys()])];
      // Fewer renewed than running: one was cancelled, or taken over while this process stalled.
      const renewed = await this.options.store.executions.renewLeases(this.owner, this.#leaseEnd(), mine);
      if (renewed < this.#running.size) for (const executionId of [...this.#running.keys()]) await this.#refused(executionId);
      await this.options.queue.holding?.([...this.#running.keys()]);
    });
    if (this.options.queue.handOut !== undefined) this.#every(ttlMs, () => this.#handOutUnheld());
  }

  /**
   * A job for each execution nobody holds — no owner, or a lease that ended — collapsing into one
   * already waiting: the net under the jobs, so an execution whose admission's send failed, or
   * whose holder died before leaving a check, is still run, without waiting for a restart.
   */
  async #handOutUnheld(): Promise<void> {
    const unheld = await this.options.store.executions.claimable(this.options.now().toISOString(), HAND_OUT_LIMIT);
    await this.options.queue.handOut?.(unheld.map((record) => record.id));
  }

  /** Runs `work` every `ms`, one at a time, until shutdown; the timers never keep the process alive. */
  #every(ms: number, work: () => Promise<void>): void {
    const tick = async () => {
      if (this.#stopping) return;
      try {
        await work();
      } catch {
        // The store is busy or failing: the next turn comes well before the lease ends.
      }
      if (!this.#stopping) schedule();
    };
    const schedule = () => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        void tick();
      }, ms).unref();
      this.#timers.add(timer);
    };
    schedule();
  }

  #leaseEnd(): string {
    return new Date(this.options.now().getTime() + (this.options.lease ?? DEFAULT_LEASE).ttlMs).toISOString();
  }

  /**
   * The store refused a write of a run of this process, or renewed fewer leases than it runs. The
   * execution has ended — another process cancelled it: the run stops and cancels its provider
   * jobs — or another process took it over after this one stalled past its lease: the run stops
   * and leaves the provider jobs to the new holder, which re-attached to them. Otherwise nothing.
   */
  async #refused(executionId: string): Promise<void> {
    const handle = this.#running.get(executionId);
    if (handle === undefined) return;
    const record = await this.options.store.executions.load(executionId).catch(() => undefined);
    if (record !== undefined && !FINISHED_EXECUTION_STATUSES.has(record.status as ExecutionStatus)) {
      if (record.owner !== this.owner) handle.cancel(new PipewrightError('execution_taken_over', `Execution ${executionId} was taken over by another process`));
      return;
    }
    handle.cancel();
  }

  /** The store says a run of this process has ended (another process cancelled it): stop it. */
  #endedElsewhere(executionId: string): void {
    this.#running.get(executionId)?.cancel();
  }

  /** Never rejects: whatever stops a run is written to its record (or left for the next start). */
  async #run(executionId: string): Promise<void> {
    let handle: ExecutionHandle | undefined;
    try {
      handle = await this.#start(executionId);
      if (handle !== undefined) await handle.result;
    } catch (error) {
      await this.#fail(executionId, error);
    } finally {
      // Through the worker: the lease is renewed while it runs (`#running`), and not after it.
      this.#held.delete(executionId);
      // Only the worker that started the run lets go of it (a duplicate hand-out returns early).
      if (handle !== undefined) {
        this.#running.delete(executionId);
        this.#recorder.forget(executionId);
      }
    }
  }

  async #start(executionId: string): Promise<ExecutionHandle | undefined> {
    const { store } = this.options;
    const record = await store.executions.load(executionId);
    if (record === undefined || FINISHED_EXECUTION_STATUSES.has(record.status as ExecutionStatus)) {
      this.#cancelled.delete(executionId);
      return undefined;
    }
    const graph = await storedGraph(store, this.options.registry, record);
    const reuse = reusable(await store.executions.nodes(executionId));
    if (this.#stopping || this.#cancelled.delete(executionId) || this.#running.has(executionId)) return undefined;
    // Taken over by another process while it waited here (this one stalled past its lease): theirs now.
    if (record.owner !== this.owner) return undefined;
    this.#recorder.track(executionId, { accountId: record.accountId, startedAt: record.startedAt, owner: this.owner });
    try {
      const handle = this.artifacts.runAs({ accountId: record.accountId, executionId }, () =>
        this.#engine.execute({ executionId, graph, inputs: record.inputs, reuse, cacheScope: record.accountId, ...runOptions(record.options) }),
      );
      this.#running.set(executionId, handle);
      return handle;
    } catch (error) {
      this.#recorder.forget(executionId);
      throw error;
    }
  }

  /** A fault outside the nodes (store, missing graph): the execution ends FAILED unless shutting down. */
  async #fail(executionId: string, error: unknown): Promise<void> {
    this.options.onError?.(error, executionId);
    if (this.#stopping) return;
    const known = (error as { code?: unknown }).code === 'graph_unavailable';
    const failure = known ? errorEntry('graph_unavailable', (error as Error).message) : errorEntry('internal', 'The execution stopped on an internal error');
    try {
      const fields = { status: 'FAILED', endedAt: this.options.now().toISOString(), error: failure };
      await this.options.store.executions.update(executionId, fields, { owner: this.owner });
    } catch {
      // The store itself is failing; the execution stays unfinished and resumes on the next start.
    }
  }
}

/** Completed nodes are kept; a node with a stored provider job re-attaches to it (docs/execution.md). */
function reusable(nodes: NodeRunRecord[]): Record<string, NodeState> {
  const kept = nodes.filter((node) => node.status === 'COMPLETED' || node.providerJobIds !== undefined);
  return Object.fromEntries(kept.map((node) => [node.nodeId, node as NodeState]));
}

function runOptions(options: ExecutionRecord['options']) {
  const { targetNodeId, force, dryRun } = options;
  return { ...(targetNodeId === undefined ? {} : { targetNodeId }), ...(force === undefined ? {} : { force }), ...(dryRun === undefined ? {} : { dryRun }) };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
