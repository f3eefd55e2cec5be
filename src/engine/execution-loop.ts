import type { CompiledGraph, CompiledNode } from '../graph/index.js';
import { PipewrightError } from '../errors/index.js';
import type { NodeRegistry, NodeType } from '../nodes/index.js';
import type { ExecuteRequest, ExecutionRecorder, OutputCache } from './contracts.js';
import type { EngineEvent } from './events.js';
import { cacheEntry, cacheKey } from './cache.js';
import { ancestorsOf, skipReason } from './plan.js';
import { resolveInputs } from './resolve.js';
import { runNode, type NodeRunOutcome, type RunnerDeps } from './runner.js';
import { conclusion, finalOutputOf } from './final-output.js';
import { settingsWithInput } from './run-request.js';
import { FINISHED_NODE_STATUSES, type ExecutionState, type NodeState, type SkipReason } from './states.js';
import { ownValue } from '../graph/index.js';

export interface LoopDeps extends RunnerDeps {
  registry: NodeRegistry;
  recorder: ExecutionRecorder;
  cache: OutputCache;
}

const MAX_LOG_LINES = 200;

type Finished = NodeRunOutcome & { cached?: boolean; credits?: number };

/**
 * Owns one execution's state. Every transition is written through the recorder before it is
 * reported (persist before emitting); scheduling decisions come from the pure functions of plan.ts.
 */
export class ExecutionLoop {
  readonly #states = new Map<string, NodeState>();
  readonly #launched = new Set<string>();
  readonly #clock = new Map<string, number>();
  /** Wires into each node whose source has not finished: a node is looked at when its count reaches 0. */
  readonly #waitingOn = new Map<string, number>();
  readonly #order = new Map<string, number>();
  #ready: string[] = [];
  #skipped: NodeState[] = [];
  #done: Array<{ node: CompiledNode; outcome: Finished }> = [];
  /** A store or cache failure: not a node's fault, so it ends the run loudly instead of as a node error. */
  #fatal: unknown;
  #wake: (() => void) | undefined;
  #running = 0;
  #startedAt = '';

  constructor(
    private readonly deps: LoopDeps,
    private readonly request: ExecuteRequest & { executionId: string },
    private readonly signal: AbortSignal,
  ) {}

  get #graph(): CompiledGraph {
    return this.request.graph;
  }

  async run(): Promise<ExecutionState> {
    this.#startedAt = new Date().toISOString();
    this.#initialStates();
    await this.#writeExecution({ status: 'RUNNING' });
    await Promise.all([...this.#states.values()].map((state) => this.deps.recorder.node(this.request.executionId, state)));
    this.#emitExecution('RUNNING');
    for (const node of this.#graph.nodes) {
      if (this.#waitingOn.get(node.id) === 0 && this.#state(node.id).status === 'PENDING') this.#evaluate(node.id);
    }
    for (;;) {
      if (this.#fatal !== undefined) throw this.#fatal;
      await this.#settle();
      for (const state of this.#skipped.splice(0)) await this.#writeNode(state);
      this.#launchReady();
      if (this.#running === 0 && this.#done.length === 0) break;
      if (this.#done.length === 0) await new Promise<void>((resolve) => (this.#wake = resolve));
    }
    await this.#cancelLeftovers();
    return this.#finish();
  }

  #initialStates(): void {
    const needed = this.request.targetNodeId === undefined ? undefined : ancestorsOf(this.request.targetNodeId, this.#graph);
    for (const node of this.#graph.nodes) {
      const reused = ownValue(this.request.reuse, node.id);
      const base: NodeState = {
        nodeId: node.id,
        nodeType: node.nodeType,
        label: node.label,
        status: 'PENDING',
        attempts: 0,
        credits: 0,
        cached: false,
        logs: [],
      };
      if (reused?.status === 'COMPLETED') this.#states.set(node.id, structuredClone(reused));
      else if (needed !== undefined && !needed.has(node.id)) this.#states.set(node.id, { ...base, status: 'SKIPPED', skipReason: 'not_targeted' });
      else this.#states.set(node.id, base);
    }
    this.#graph.nodes.forEach((node, index) => {
      this.#order.set(node.id, index);
      const incoming = this.#graph.incoming.get(node.id) ?? [];
      this.#waitingOn.set(node.id, incoming.filter((edge) => !FINISHED_NODE_STATUSES.has(this.#state(edge.source).status)).length);
    });
  }

  #state = (nodeId: string): NodeState => this.#states.get(nodeId)!;

  /** Starts the nodes found ready since the last pass, in topological order (ties by node id). */
  #launchReady(): void {
    if (this.signal.aborted) return;
    const ready = this.#ready.splice(0).sort((a, b) => this.#order.get(a)! - this.#order.get(b)!);
    for (const nodeId of ready) {
      const node = this.#graph.byId.get(nodeId)!;
      this.#launched.add(node.id);
      this.#running++;
      this.#execute(node)
        .then(
          (outcome) => this.#done.push({ node, outcome }),
          (error: unknown) => {
            this.#running--;
            this.#fatal ??= error;
          },
        )
        .finally(() => this.#wake?.());
    }
  }

  /**
   * A node reached a final status: each child has one wire less to wait for. A failure upstream
   * skips a child at once; otherwise a child is judged when its last wire is in. Once cancelled,
   * nothing is judged: what has not started becomes CANCELLED (docs/execution.md).
   */
  #release(nodeId: string): void {
    const parent = this.#state(nodeId);
    const failed = parent.status === 'FAILED' || parent.status === 'CANCELLED' || (parent.status === 'SKIPPED' && parent.skipReason !== 'branch_not_taken');
    for (const edge of this.#graph.outgoing.get(nodeId) ?? []) {
      const waiting = this.#waitingOn.get(edge.target)! - 1;
      this.#waitingOn.set(edge.target, waiting);
      if (this.signal.aborted || this.#launched.has(edge.target) || this.#state(edge.target).status !== 'PENDING') continue;
      if (failed) this.#skip(edge.target, 'upstream_failed');
      else if (waiting === 0) this.#evaluate(edge.target);
    }
  }

  #evaluate(nodeId: string): void {
    const reason = skipReason(nodeId, this.#graph, this.#state);
    if (reason === undefined) this.#ready.push(nodeId);
    else this.#skip(nodeId, reason);
  }

  #skip(nodeId: string, reason: SkipReason): void {
    const state = this.#state(nodeId);
    Object.assign(state, { status: 'SKIPPED', skipReason: reason, endedAt: new Date().toISOString() });
    this.#skipped.push(state);
    this.#release(nodeId);
  }

  async #execute(node: CompiledNode): Promise<Finished> {
    const type = this.deps.registry.get(node.nodeType)!;
    const settings = settingsWithInput(this.#graph, node.id, this.request.inputs);
    let resolved;
    try {
      resolved = resolveInputs(node, this.#graph, { output: (id) => this.#state(id).output, iterated: (id) => this.#state(id).iterations !== undefined });
    } catch (error) {
      const failure = error as PipewrightError;
      return { status: 'FAILED', attempts: 0, error: { code: failure.code, message: failure.message } };
    }
    const dryRun = this.request.dryRun === true;
    const cacheable = type.cacheable !== false;
    // force skips reading the cache, not writing it: the fresh output replaces the old one.
    const inputs = resolved.iterations ?? resolved.inputs;
    const key = cacheable ? cacheKey({ scope: this.request.cacheScope ?? '', nodeType: node.nodeType, settings, inputs, dryRun }) : undefined;
    const hit = key !== undefined && this.request.force !== true ? await this.deps.cache.get(key) : undefined;
    if (hit !== undefined) return { ...hit, status: 'COMPLETED', attempts: 0, cached: true, credits: 0 };
    const outcome = await runNode(
      { executionId: this.request.executionId, node, type, settings, ...resolved, dryRun, signal: this.signal, ...this.#callbacks(node) },
      this.deps,
    );
    if (outcome.status === 'COMPLETED' && key !== undefined) await this.deps.cache.set(key, cacheEntry(outcome));
    return { ...outcome, credits: dryRun ? 0 : creditsFor(type, settings, resolved.iterations?.length ?? 1) };
  }

  #callbacks(node: CompiledNode) {
    const executionId = this.request.executionId;
    return {
      onStart: async () => {
        const state = this.#state(node.id);
        Object.assign(state, { status: 'RUNNING', startedAt: new Date().toISOString() });
        this.#clock.set(node.id, performance.now());
        await this.#writeNode(state);
      },
      onRetry: (attempt: number, delayMs: number, error: PipewrightError) =>
        this.#emit(() => ({
          type: 'node-retry',
          executionId,
          at: now(),
          nodeId: node.id,
          attempt,
          delayMs,
          error: { code: error.code, message: error.message },
        })),
      previousJobIds: ownValue(this.request.reuse, node.id)?.providerJobIds,
      rememberJob: async (item: number, jobId: string) => {
        const state = this.#state(node.id);
        state.providerJobIds = { ...state.providerJobIds, [String(item)]: jobId };
        await this.deps.recorder.node(executionId, state);
      },
      log: (message: string) => {
        const logs = this.#state(node.id).logs;
        if (logs.length < MAX_LOG_LINES) logs.push(message);
        this.#emit(() => ({ type: 'node-log', executionId, at: now(), nodeId: node.id, message }));
      },
      progress: (fraction: number, message?: string) => {
        const progress = Math.min(1, Math.max(0, fraction));
        this.#state(node.id).progress = progress;
        this.deps.recorder.progress?.(executionId, node.id, progress, message);
        this.#emit(() => ({ type: 'node-progress', executionId, at: now(), nodeId: node.id, progress, ...(message === undefined ? {} : { message }) }));
      },
    };
  }

  /** Applies finished node runs to state, in the order they finished. */
  async #settle(): Promise<void> {
    const done = this.#done;
    this.#done = [];
    for (const { node, outcome } of done) {
      this.#running--;
      const state = this.#state(node.id);
      const endedAt = new Date().toISOString();
      const began = this.#clock.get(node.id);
      Object.assign(state, {
        status: outcome.status,
        startedAt: state.startedAt ?? endedAt,
        endedAt,
        durationMs: began === undefined ? 0 : Math.round(performance.now() - began),
        attempts: outcome.attempts,
        credits: outcome.status === 'COMPLETED' ? (outcome.credits ?? 0) : 0,
        cached: outcome.cached === true,
        ...(outcome.status === 'COMPLETED' ? { output: outcome.output, progress: 1 } : { error: outcome.error }),
        ...(outcome.iterations === undefined ? {} : { iterations: outcome.iterations }),
      });
      await this.#writeNode(state);
      this.#release(node.id);
    }
  }

  async #cancelLeftovers(): Promise<void> {
    for (const state of this.#states.values()) {
      if (state.status !== 'PENDING') continue;
      Object.assign(state, { status: 'CANCELLED', endedAt: new Date().toISOString() });
      await this.#writeNode(state);
    }
  }

  async #finish(): Promise<ExecutionState> {
    const { status, error } = conclusion(this.#states, this.signal.aborted);
    const endedAt = new Date().toISOString();
    const credits = [...this.#states.values()].reduce((sum, state) => sum + state.credits, 0);
    const finalOutput = finalOutputOf(this.#graph, this.#states);
    const summary = {
      status,
      endedAt,
      durationMs: Date.parse(endedAt) - Date.parse(this.#startedAt),
      credits,
      finalOutput,
      ...(error === undefined ? {} : { error }),
    };
    await this.#writeExecution(summary);
    this.#emitExecution(status, summary);
    return this.#snapshot(summary);
  }

  async #writeNode(state: NodeState): Promise<void> {
    await this.deps.recorder.node(this.request.executionId, state);
    this.#emit(() => ({ type: 'node', executionId: this.request.executionId, at: now(), node: { ...state, logs: [...state.logs] } }));
  }

  async #writeExecution(fields: Partial<Omit<ExecutionState, 'nodes'>>): Promise<void> {
    await this.deps.recorder.execution(this.#summary(fields));
  }

  #emitExecution(status: ExecutionState['status'], fields: Partial<Omit<ExecutionState, 'nodes'>> = {}): void {
    this.#emit(() => ({ type: 'execution', executionId: this.request.executionId, at: now(), state: this.#snapshot({ ...fields, status }) }));
  }

  /** The execution's own fields: what the recorder stores, with no copy of the node states. */
  #summary(fields: Partial<Omit<ExecutionState, 'nodes'>>): Omit<ExecutionState, 'nodes'> {
    return { executionId: this.request.executionId, status: 'RUNNING', startedAt: this.#startedAt, credits: 0, ...fields };
  }

  #snapshot(fields: Partial<Omit<ExecutionState, 'nodes'>>): ExecutionState {
    const nodes = Object.fromEntries([...this.#states].map(([id, state]) => [id, { ...state, logs: [...state.logs] }]));
    return { ...this.#summary(fields), nodes };
  }

  /** Events are built only when someone listens: a run nobody watches pays for no copies. */
  #emit(build: () => EngineEvent): void {
    const listener = this.request.onEvent;
    if (listener === undefined) return;
    try {
      listener(build());
    } catch {
      // A listener's failure is the listener's: it must not change the run.
    }
  }
}

function creditsFor(type: NodeType, settings: Record<string, unknown>, units: number): number {
  return type.cost(settings) * units;
}

function now(): string {
  return new Date().toISOString();
}
