import { z } from 'zod';
import { type ErrorCode, PipewrightError } from '../../../src/errors/index.js';
import { FINISHED_EXECUTION_STATUSES, type ExecutionStatus } from '../../../src/engine/index.js';
import { createBuiltinRegistry, defineNodeType, type NodeRegistry } from '../../../src/nodes/index.js';
import { readMedia } from '../../../src/nodes/io/media.js';
import { createServices, type CreateServicesOptions, type Principal, type Scope, type ServiceSettings, type Services } from '../../../src/service/index.js';
import { type NodeRunRecord, openStore, type Store } from '../../../src/store/index.js';
import { ManualClock } from '../../store/clock.js';
import { BASE_URL } from '../harness.js';
import { useTempHome } from '../temp-home.js';
import { restLinks } from '../../../src/api/index.js';

export { until } from '../../support/until.js';

export { BASE_URL, failure } from '../harness.js';

/** What the test node types did, so a test can say a node ran (or did not run) again. */
export class Probe {
  readonly calls: Array<{ executionId: string; nodeId: string; previousJobId?: string | undefined }> = [];
  readonly failing = new Set<string>();
  /** Nodes that wait at a gate even when `gated` is false. */
  readonly gatedNodes = new Set<string>();
  /** `executionId/nodeId` of every gated node whose run was aborted, in order. */
  readonly aborted: string[] = [];
  readonly #gates = new Map<string, () => void>();
  readonly #waiting = new Map<string, Promise<void>>();
  gated = false;

  count(nodeId: string): number {
    return this.calls.filter((call) => call.nodeId === nodeId).length;
  }

  /** Resolves when a gated node is waiting; gated nodes finish on `open()`. */
  wait(executionId: string, nodeId: string, signal: AbortSignal): Promise<void> {
    const key = `${executionId}/${nodeId}`;
    const gate = new Promise<void>((resolve, reject) => {
      this.#gates.set(key, resolve);
      signal.addEventListener(
        'abort',
        () => {
          this.aborted.push(key);
          reject(new PipewrightError('cancelled', 'aborted'));
        },
        { once: true },
      );
    });
    this.#waiting.set(key, gate);
    return gate;
  }

  isWaiting(executionId: string, nodeId: string): boolean {
    return this.#gates.has(`${executionId}/${nodeId}`);
  }

  open(): void {
    for (const release of this.#gates.values()) release();
    this.#gates.clear();
    this.gated = false;
  }
}

/** Test-only node types: a paid echo, and a gate that remembers a provider job before it waits. */
export function testRegistry(probe: Probe): NodeRegistry {
  const registry = createBuiltinRegistry();
  registry.register(
    defineNodeType<{ credits: number }>({
      nodeType: 'utility:test_paid',
      label: 'Paid echo',
      category: 'utility',
      description: 'Echoes its text and costs `credits`.',
      config: z.strictObject({ credits: z.number().int().min(0).default(5) }),
      inputs: [{ name: 'text', type: 'text' }],
      outputs: [{ name: 'text', type: 'text' }],
      cost: (settings) => settings.credits,
      cacheable: false,
      maxRetries: 0,
      timeoutMs: 10_000,
      async run(ctx) {
        probe.calls.push({ executionId: ctx.executionId, nodeId: ctx.nodeId, previousJobId: ctx.providerJob.previousId });
        if (probe.failing.has(ctx.nodeId)) throw new PipewrightError('test_failure' as ErrorCode, `node ${ctx.nodeId} was told to fail`);
        if (!ctx.providerJob.previousId) await ctx.providerJob.remember(`job-${ctx.nodeId}`);
        if (probe.gated || probe.gatedNodes.has(ctx.nodeId)) await probe.wait(ctx.executionId, ctx.nodeId, ctx.signal);
        return { text: `${String(ctx.inputs.text ?? '')}!` };
      },
    }),
  );
  registry.register(
    defineNodeType<Record<string, never>>({
      nodeType: 'utility:test_file',
      label: 'File maker',
      category: 'utility',
      description: 'Stores a small file and outputs its URL.',
      config: z.strictObject({}),
      inputs: [{ name: 'text', type: 'text' }],
      outputs: [{ name: 'image', type: 'image' }],
      cost: () => 0,
      cacheable: false,
      timeoutMs: 10_000,
      async run(ctx) {
        const artifact = await ctx.artifacts.put({ bytes: new TextEncoder().encode(String(ctx.inputs.text ?? '')), contentType: 'image/png' });
        return { image: artifact.url };
      },
    }),
  );
  registry.register(
    defineNodeType<Record<string, never>>({
      nodeType: 'utility:test_read',
      label: 'File reader',
      category: 'utility',
      description: 'Reads an image the way media-reading nodes do (artifact store, data URI or URL) and outputs its bytes as text.',
      config: z.strictObject({}),
      inputs: [{ name: 'image', type: 'image', required: true }],
      outputs: [{ name: 'text', type: 'text' }],
      cost: () => 0,
      cacheable: false,
      maxRetries: 0,
      timeoutMs: 10_000,
      async run(ctx) {
        const media = await readMedia(String(ctx.inputs.image), { artifacts: ctx.artifacts, policy: ctx.policy, signal: ctx.signal });
        return { text: new TextDecoder().decode(media.bytes) };
      },
    }),
  );
  return registry;
}

export interface ExecHarness {
  home: string;
  clock: ManualClock;
  store: Store;
  probe: Probe;
  services: Services;
  admin: Principal;
  principalWith(scopes: Scope[]): Promise<Principal>;
  stranger(): Promise<Principal>;
  /** A second process on the same home: its own store connection, engine and dispatcher. */
  sibling(extra?: Partial<CreateServicesOptions>): Promise<{ store: Store; services: Services }>;
  workflow(graph: { nodes: unknown[]; edges: unknown[] }, overrides?: Record<string, unknown>): Promise<string>;
  finished(executionId: string, timeoutMs?: number): Promise<ExecutionStatus>;
  setBalance(credits: number): Promise<void>;
}

export function useExecHarness(settings: Partial<ServiceSettings> = {}, extra: Partial<CreateServicesOptions> = {}): () => ExecHarness {
  return useTempHome('useExecHarness', 'pw-exec-', async (home, onCleanup): Promise<ExecHarness> => {
    const clock = new ManualClock(new Date().toISOString());
    const probe = new Probe();
    const build = async (more: Partial<CreateServicesOptions> = {}) => {
      const store = await openStore({ home, now: clock.now });
      const services = createServices({
        store,
        registry: testRegistry(probe),
        settings: { links: restLinks(BASE_URL), ...settings },
        now: clock.now,
        home,
        shutdownGraceMs: 2_000,
        ...extra,
        ...more,
      });
      onCleanup(async () => {
        await services.executions.shutdown();
        await store.close();
      });
      return { store, services };
    };
    const { store, services } = await build();
    const boot = await services.accounts.bootstrap({});
    const admin = await services.auth.authenticate(`Bearer ${boot.key}`);
    const keyFor = async (accountId: string, scopes: Scope[]) => {
      const { key } = await services.keys.create({ accountId, scopes });
      return services.auth.authenticate(`Bearer ${key}`);
    };
    return {
      home,
      clock,
      store,
      probe,
      services,
      admin,
      principalWith: (scopes) => keyFor(admin.accountId, scopes),
      async stranger() {
        const other = await store.accounts.create({ name: 'Other', plan: 'pro', creditsBalance: 1000 });
        return keyFor(other.id, ['admin']);
      },
      sibling: build,
      async workflow(graph, overrides = {}) {
        return (await services.workflows.create(admin, { name: 'Flow', ...graph, ...overrides })).workflow.id;
      },
      finished: (executionId, timeoutMs = 10_000) => finished(store, executionId, timeoutMs),
      async setBalance(credits) {
        const account = await store.accounts.get(admin.accountId);
        await store.ledger.record({ accountId: admin.accountId, amount: credits - (account?.creditsBalance ?? 0), reason: 'grant' });
      },
    };
  });
}

async function finished(store: Store, executionId: string, timeoutMs: number): Promise<ExecutionStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = (await store.executions.load(executionId))?.status as ExecutionStatus | undefined;
    if (status !== undefined && FINISHED_EXECUTION_STATUSES.has(status)) return status;
    if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const node = (id: string, nodeType: string, config: Record<string, unknown> = {}, label?: string) => ({
  id,
  type: 'basedNode',
  position: { x: 0, y: 0 },
  data: { nodeType, config, ...(label && { label }) },
});
const edge = (source: string, sourcePort: string, target: string, targetPort: string) => ({
  id: `${source}-${target}`,
  source,
  target,
  sourceHandle: `out-${sourcePort}`,
  targetHandle: `in-${targetPort}`,
});

/** prompt (input:text) → a (paid 5) → b (paid 7) → out (output:result). */
export function paidChain(config: { a?: number; b?: number; prompt?: string } = {}) {
  return {
    nodes: [
      node('prompt', 'input:text', config.prompt === undefined ? {} : { prompt: config.prompt }, 'Prompt'),
      node('a', 'utility:test_paid', { credits: config.a ?? 5 }),
      node('b', 'utility:test_paid', { credits: config.b ?? 7 }),
      node('out', 'output:result', { name: 'result' }),
    ],
    edges: [edge('prompt', 'text', 'a', 'text'), edge('a', 'text', 'b', 'text'), edge('b', 'text', 'out', 'value')],
  };
}

export { node, edge };

/** A stored node run as a crashed process leaves it: PENDING unless `fields` say otherwise. */
export function nodeRow(nodeId: string, nodeType: string, fields: Partial<NodeRunRecord> = {}): NodeRunRecord {
  return { nodeId, nodeType, label: nodeId, status: 'PENDING', attempts: 0, credits: 0, cached: false, logs: [], ...fields };
}
