import { isPipewrightError, type PipewrightError } from '../../src/errors/index.js';
import type { Artifact, ArtifactPut, ArtifactStore } from '../../src/artifacts/index.js';
import type { NodeContext, NodeType } from '../../src/nodes/node-type.js';
import { policyFor } from '../../src/net/index.js';

/** Artifacts kept in a Map, with `memory://artifacts/<id>` URLs. */
export class MemoryArtifactStore implements ArtifactStore {
  readonly #items = new Map<string, Artifact & { bytes: Uint8Array }>();

  async put({ bytes, contentType }: ArtifactPut): Promise<Artifact> {
    const id = `art_${this.#items.size + 1}`;
    const artifact = { id, url: `memory://artifacts/${id}`, contentType, size: bytes.byteLength };
    this.#items.set(id, { ...artifact, bytes });
    return artifact;
  }

  async get(id: string): Promise<(Artifact & { bytes: Uint8Array }) | undefined> {
    return this.#items.get(id);
  }

  idFromUrl(url: string): string | undefined {
    const id = url.startsWith('memory://artifacts/') ? url.slice('memory://artifacts/'.length) : undefined;
    return id !== undefined && this.#items.has(id) ? id : undefined;
  }
}

export interface TestContext extends NodeContext {
  /** What the node passed to `log` and `progress`, in order. */
  logs: string[];
  progressReports: { fraction: number; message?: string }[];
  /** Job ids the node handed over through `providerJob.remember`, in order. */
  rememberedJobs: string[];
}

/**
 * A NodeContext for calling a node type's `run` directly. Defaults: server-mode policy (nothing
 * internal reachable), a fresh in-memory artifact store, an unaborted signal, first attempt.
 */
export function makeContext(partial: Partial<NodeContext> = {}): TestContext {
  const logs: string[] = [];
  const progressReports: { fraction: number; message?: string }[] = [];
  const rememberedJobs: string[] = [];
  return {
    executionId: 'exe_test',
    nodeId: 'node_test',
    nodeType: 'test:node',
    settings: {},
    inputs: {},
    signal: new AbortController().signal,
    dryRun: false,
    attempt: 1,
    artifacts: new MemoryArtifactStore(),
    policy: policyFor('server', {}),
    log: (message) => void logs.push(message),
    progress: (fraction, message) => void progressReports.push(message === undefined ? { fraction } : { fraction, message }),
    providerJob: { remember: async (jobId) => void rememberedJobs.push(jobId) },
    ...partial,
    logs,
    progressReports,
    rememberedJobs,
  };
}

/**
 * Runs a node type the way the engine would after validation: settings parsed by its schema
 * (defaults applied), inputs as given. A schema failure throws, so tests see it plainly.
 */
export async function runNode(type: NodeType, config: Record<string, unknown>, partial: Partial<NodeContext> = {}): Promise<Record<string, unknown>> {
  const settings = type.config.parse(config);
  return type.run(makeContext({ nodeType: type.nodeType, ...partial, settings }));
}

/** The PipewrightError a promise rejects with; anything else fails the test. */
export async function caught(promise: Promise<unknown>): Promise<PipewrightError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isPipewrightError(error)) throw new Error(`expected a PipewrightError, got ${String(error)}`);
  return error;
}
