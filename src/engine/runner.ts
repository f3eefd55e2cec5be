import type { CompiledNode } from '../graph/index.js';
import type { PipewrightError } from '../errors/index.js';
import type { NodeContext, NodeOutputs, NodeType } from '../nodes/index.js';
import type { ArtifactStore } from '../artifacts/index.js';
import type { SecurityPolicy } from '../net/index.js';
import { runAttempts, type NodeRetrySettings } from './attempt.js';
import type { IterationState, NodeErrorInfo } from './states.js';
import { dict, ownValue } from '../graph/index.js';

export interface RunnerDeps {
  artifacts: ArtifactStore;
  policy: SecurityPolicy;
  retry: NodeRetrySettings;
  /** Wraps one unit of work (a node run or one iteration) in the per-run and global limits. */
  limit<T>(task: () => Promise<T>): Promise<T>;
}

export interface NodeRun {
  executionId: string;
  node: CompiledNode;
  type: NodeType;
  settings: Record<string, unknown>;
  inputs: Record<string, unknown>;
  iterations?: Array<Record<string, unknown>>;
  dryRun: boolean;
  signal: AbortSignal;
  /** Called once, when the first unit gets its slot: that is when the node starts RUNNING. */
  onStart(): Promise<void>;
  onRetry(attempt: number, delayMs: number, error: PipewrightError): void;
  /** Jobs started by an earlier run of this node, by item index ("0" when it did not fan out). */
  previousJobIds?: Readonly<Record<string, string>>;
  rememberJob(item: number, jobId: string): Promise<void>;
  log(message: string): void;
  progress(fraction: number, message?: string): void;
}

export type NodeRunOutcome =
  | { status: 'COMPLETED'; output: NodeOutputs; attempts: number; iterations?: IterationState[] }
  | { status: 'FAILED' | 'CANCELLED'; error: NodeErrorInfo; attempts: number; iterations?: IterationState[] };

const DEFAULT_MAX_RETRIES = 2;

/** Runs one node: once, or once per item when a list fanned out into it. Never rejects. */
export async function runNode(run: NodeRun, deps: RunnerDeps): Promise<NodeRunOutcome> {
  let started: Promise<void> | undefined;
  const begin = () => (started ??= run.onStart());
  const limited = <T>(task: () => Promise<T>) =>
    deps.limit(async () => {
      await begin();
      return task();
    });
  return runLimited(run, { ...deps, limit: limited });
}

async function runLimited(run: NodeRun, deps: RunnerDeps): Promise<NodeRunOutcome> {
  if (run.iterations === undefined) {
    const result = await deps.limit(() => runUnit(run, deps, run.inputs));
    if (result.ok) return { status: 'COMPLETED', output: result.outputs, attempts: result.attempts };
    return { status: statusOf(run), error: errorInfo(result.error), attempts: result.attempts };
  }
  return runIterations(run, deps, run.iterations);
}

async function runIterations(run: NodeRun, deps: RunnerDeps, items: Array<Record<string, unknown>>): Promise<NodeRunOutcome> {
  let done = 0;
  const results = await Promise.all(
    items.map(async (inputs, index) => {
      const startedAt = new Date().toISOString();
      const result = await deps.limit(() => runUnit(run, deps, inputs, { index, count: items.length }));
      run.progress(++done / items.length, `item ${done} of ${items.length}`);
      return { result, startedAt, endedAt: new Date().toISOString() };
    }),
  );
  const iterations: IterationState[] = results.map(({ result, startedAt, endedAt }, index) => ({
    index,
    status: result.ok ? 'COMPLETED' : statusOf(run),
    attempts: result.attempts,
    startedAt,
    endedAt,
    ...(result.ok ? {} : { error: errorInfo(result.error) }),
  }));
  const attempts = Math.max(0, ...iterations.map((it) => it.attempts));
  const failedIndex = results.findIndex(({ result }) => !result.ok);
  if (failedIndex >= 0) {
    const failure = results[failedIndex]!.result as { ok: false; error: PipewrightError };
    const failed = iterations.filter((it) => it.status !== 'COMPLETED').length;
    const error = errorInfo(failure.error);
    return {
      status: statusOf(run),
      attempts,
      iterations,
      error: { ...error, message: `${failed} of ${items.length} items failed; item ${failedIndex}: ${error.message}` },
    };
  }
  return {
    status: 'COMPLETED',
    attempts,
    iterations,
    output: collect(
      run.node,
      results.map(({ result }) => (result as { outputs: NodeOutputs }).outputs),
    ),
  };
}

/** An iterated node's outputs are lists in item order; a port no item produced stays absent (branch not taken). */
function collect(node: CompiledNode, outputs: NodeOutputs[]): NodeOutputs {
  const collected: NodeOutputs = dict();
  for (const port of node.outputs) {
    if (outputs.some((out) => ownValue(out, port.name) !== undefined)) collected[port.name] = outputs.map((out) => ownValue(out, port.name) ?? null);
  }
  if (outputs.length === 0) for (const port of node.outputs) collected[port.name] = [];
  return collected;
}

function runUnit(run: NodeRun, deps: RunnerDeps, inputs: Record<string, unknown>, iteration?: { index: number; count: number }) {
  const usePlaceholder = run.dryRun && run.type.dryRun !== undefined;
  const body = usePlaceholder ? run.type.dryRun!.bind(run.type) : run.type.run.bind(run.type);
  const job = providerJob(run, iteration?.index ?? 0);
  return runAttempts(
    (attempt, signal) => {
      const ctx: NodeContext = {
        executionId: run.executionId,
        nodeId: run.node.id,
        nodeType: run.node.nodeType,
        settings: run.settings,
        inputs,
        signal,
        dryRun: run.dryRun,
        attempt,
        artifacts: deps.artifacts,
        policy: deps.policy,
        log: run.log,
        progress: run.progress,
        providerJob: job.forAttempt(signal),
        ...(iteration === undefined ? {} : { iteration }),
      };
      return body(ctx);
    },
    {
      nodeId: run.node.id,
      timeoutMs: run.node.common.timeoutMs ?? run.type.timeoutMs,
      maxRetries: run.node.common.maxRetries ?? run.type.maxRetries ?? DEFAULT_MAX_RETRIES,
      retry: deps.retry,
      signal: run.signal,
      onRetry: run.onRetry,
    },
  );
}

/**
 * The provider job of one unit across its attempts. A retry after a transient failure (the
 * provider's status endpoint kept failing, say) re-attaches to the job the failed attempt started
 * instead of submitting, and paying for, a second one. An attempt stopped by its signal (timeout,
 * cancel) has asked the provider to cancel its job, so the next attempt starts afresh.
 */
function providerJob(run: NodeRun, item: number): { forAttempt(signal: AbortSignal): NodeContext['providerJob'] } {
  let current = run.previousJobIds?.[String(item)];
  return {
    forAttempt(signal) {
      signal.addEventListener('abort', () => (current = undefined), { once: true });
      return {
        ...(current === undefined ? {} : { previousId: current }),
        remember: async (jobId) => {
          current = jobId;
          await run.rememberJob(item, jobId);
        },
      };
    },
  };
}

function statusOf(run: NodeRun): 'FAILED' | 'CANCELLED' {
  return run.signal.aborted ? 'CANCELLED' : 'FAILED';
}

function errorInfo(error: PipewrightError): NodeErrorInfo {
  // A bug's message may carry internals; the node record keeps a generic one.
  const message = error.kind === 'bug' ? `Node failed unexpectedly: ${firstLine(error.message)}` : error.message;
  return { code: error.code, message, ...(error.transient ? { transient: true } : {}) };
}

// An absolute file path (POSIX or Windows) that is not part of a URL.
const FILE_PATH = /(?<![\w:/.~-])(?:\/|[A-Za-z]:\\)(?:[\w.@+-]+[\\/])*[\w.@+-]+/g;

/** A bug's first line, without file paths: they would tell a caller how the server is laid out. */
function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(FILE_PATH, '<path>').slice(0, 300);
}
