import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import pLimit, { type LimitFunction } from 'p-limit';
import { PipewrightError } from '../errors/index.js';
import type { NodeRegistry } from '../nodes/index.js';
import type { ArtifactStore } from '../artifacts/index.js';
import type { SecurityPolicy } from '../net/index.js';
import type { ExecuteRequest, ExecutionHandle, ExecutionRecorder, OutputCache } from './contracts.js';
import { DEFAULT_NODE_RETRY, type NodeRetrySettings } from './attempt.js';
import { MemoryOutputCache } from './cache.js';
import { ExecutionLoop } from './execution-loop.js';
import { DiscardingRecorder } from './discarding-recorder.js';
import { checkRunRequest } from './run-request.js';

export interface EngineOptions {
  registry: NodeRegistry;
  artifacts: ArtifactStore;
  policy: SecurityPolicy;
  /** Where state is written before it is reported; nowhere unless a store is plugged in (the result carries the final state). */
  recorder?: ExecutionRecorder;
  cache?: OutputCache;
  /** Units of work (node runs or iterations) at once: per execution, and across the process. */
  concurrency?: { perExecution?: number; global?: number };
  retry?: Partial<NodeRetrySettings>;
}

export const DEFAULT_CONCURRENCY = { perExecution: 10, global: 50 } as const;

/** Runs compiled graphs. One per process: the global limit is shared by every execution it runs. */
export class Engine {
  readonly #global: LimitFunction;
  readonly #perExecution: number;
  readonly #options: EngineOptions & { recorder: ExecutionRecorder; cache: OutputCache; retry: NodeRetrySettings };

  constructor(options: EngineOptions) {
    this.#global = pLimit(positive(options.concurrency?.global ?? DEFAULT_CONCURRENCY.global, 'concurrency.global'));
    this.#perExecution = positive(options.concurrency?.perExecution ?? DEFAULT_CONCURRENCY.perExecution, 'concurrency.perExecution');
    this.#options = {
      ...options,
      recorder: options.recorder ?? new DiscardingRecorder(),
      cache: options.cache ?? new MemoryOutputCache(),
      retry: { ...DEFAULT_NODE_RETRY, ...options.retry },
    };
  }

  /** Starts a run. Throws at once (nothing recorded) when the request names unknown nodes. */
  execute(request: ExecuteRequest): ExecutionHandle {
    checkRunRequest(request);
    const executionId = request.executionId ?? newExecutionId();
    const controller = new AbortController();
    // Every running attempt listens for cancel: a wide graph legitimately has many listeners.
    setMaxListeners(0, controller.signal);
    const cancel = (reason = new PipewrightError('cancelled', 'Execution was cancelled')) => {
      if (!controller.signal.aborted) controller.abort(reason);
    };
    const onAbort = () => cancel();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    if (request.signal?.aborted) cancel();
    const local = pLimit(this.#perExecution);
    const loop = new ExecutionLoop({ ...this.#options, limit: (task) => local(() => this.#global(task)) }, { ...request, executionId }, controller.signal);
    const result = loop.run().finally(() => {
      request.signal?.removeEventListener('abort', onAbort);
      // Whatever ended the loop (including a store failure), nothing of this run keeps working.
      if (!controller.signal.aborted) controller.abort();
    });
    return { executionId, result, cancel };
  }
}

export function newExecutionId(): string {
  return `exec_${randomBytes(12).toString('base64url')}`;
}

function positive(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new PipewrightError('invalid_config', `${name} must be a positive integer, got ${value}`);
  }
  return value;
}
