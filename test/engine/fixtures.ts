import { setTimeout as delay } from 'node:timers/promises';
import { z } from 'zod';
import { type ErrorCode, PipewrightError } from '../../src/errors/index.js';
import type { NodeType } from '../../src/nodes/node-type.js';
import { NodeRegistry } from '../../src/nodes/registry.js';
import type { ArtifactStore } from '../../src/artifacts/index.js';
import { policyFor } from '../../src/net/policy.js';
import { Engine, MemoryRecorder, type EngineOptions, type ExecutionState } from '../../src/engine/index.js';
import { compileOrThrow } from '../../src/graph/index.js';

/** Start/end of every unit of work, to prove concurrency by overlap rather than by wall clock. */
export interface Interval {
  nodeId: string;
  start: number;
  end: number;
  item?: number;
}

export function testTypes(intervals: Interval[], calls: Map<string, number>) {
  const count = (id: string) => calls.set(id, (calls.get(id) ?? 0) + 1);
  const base = { category: 'utility' as const, description: 'test', cost: () => 0, timeoutMs: 5_000 };
  const types: NodeType[] = [
    {
      ...base,
      nodeType: 'utility:t_const',
      label: 'Const',
      inputs: [],
      outputs: [{ name: 'value', type: 'any' }],
      config: z.strictObject({ value: z.unknown() }),
      inputKey: 'value',
      run: async (ctx) => {
        count(ctx.nodeId);
        return { value: ctx.settings.value };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_sleep',
      label: 'Sleep',
      inputs: [{ name: 'in', type: 'text' }],
      outputs: [{ name: 'out', type: 'any' }],
      config: z.strictObject({ ms: z.number().default(30) }),
      run: async (ctx) => {
        count(ctx.nodeId);
        const start = performance.now();
        await delay(ctx.settings.ms as number, undefined, { signal: ctx.signal });
        intervals.push({ nodeId: ctx.nodeId, start, end: performance.now(), ...(ctx.iteration ? { item: ctx.iteration.index } : {}) });
        return { out: ctx.inputs.in ?? ctx.nodeId };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_fail',
      label: 'Fail',
      inputs: [{ name: 'in', type: 'any' }],
      outputs: [{ name: 'out', type: 'any' }],
      config: z.strictObject({ transient: z.boolean().default(false), failuresBeforeSuccess: z.number().default(Infinity) }),
      maxRetries: 3,
      run: async (ctx) => {
        count(ctx.nodeId);
        if (ctx.attempt <= (ctx.settings.failuresBeforeSuccess as number)) {
          throw new PipewrightError('boom' as ErrorCode, `attempt ${ctx.attempt} failed`, { transient: ctx.settings.transient as boolean });
        }
        return { out: `ok after ${ctx.attempt}` };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_hang',
      label: 'Hang',
      inputs: [{ name: 'in', type: 'any' }],
      outputs: [{ name: 'out', type: 'any' }],
      config: z.strictObject({}),
      maxRetries: 0,
      timeoutMs: 100,
      // Ignores its signal on purpose: the engine must still move on.
      run: async (ctx) => {
        count(ctx.nodeId);
        await new Promise(() => {});
        return {};
      },
    },
    {
      ...base,
      nodeType: 'utility:t_upper',
      label: 'Upper',
      inputs: [{ name: 'text', type: 'text', required: true }],
      outputs: [{ name: 'text', type: 'text' }],
      config: z.strictObject({ failOn: z.string().optional() }),
      run: async (ctx) => {
        count(ctx.nodeId);
        const text = String(ctx.inputs.text);
        if (text === ctx.settings.failOn) throw new PipewrightError('bad_item' as ErrorCode, `cannot take "${text}"`);
        return { text: text.toUpperCase() };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_join',
      label: 'Join',
      inputs: [{ name: 'items', type: 'text[]', required: true }],
      outputs: [{ name: 'text', type: 'text' }],
      config: z.strictObject({}),
      run: async (ctx) => {
        count(ctx.nodeId);
        return { text: (ctx.inputs.items as string[]).join('+') };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_split',
      label: 'Split',
      inputs: [{ name: 'text', type: 'text', required: true }],
      outputs: [{ name: 'items', type: 'text[]' }],
      config: z.strictObject({ separator: z.string().default(',') }),
      run: async (ctx) => {
        count(ctx.nodeId);
        return { items: String(ctx.inputs.text).split(ctx.settings.separator as string) };
      },
    },
    {
      ...base,
      nodeType: 'utility:t_pair',
      label: 'Pair',
      inputs: [
        { name: 'a', type: 'text', required: true },
        { name: 'b', type: 'text', required: true },
      ],
      outputs: [{ name: 'text', type: 'text' }],
      config: z.strictObject({}),
      run: async (ctx) => {
        count(ctx.nodeId);
        return { text: `${String(ctx.inputs.a)}/${String(ctx.inputs.b)}` };
      },
    },
    {
      ...base,
      nodeType: 'logic:t_if',
      label: 'If',
      category: 'logic',
      inputs: [{ name: 'value', type: 'any', required: true }],
      outputs: [
        { name: 'true', type: 'any' },
        { name: 'false', type: 'any' },
      ],
      config: z.strictObject({}),
      run: async (ctx) => {
        count(ctx.nodeId);
        return ctx.inputs.value ? { true: ctx.inputs.value } : { false: ctx.inputs.value };
      },
    },
    {
      ...base,
      nodeType: 'generate:t_model',
      label: 'Model',
      category: 'model',
      inputs: [{ name: 'prompt', type: 'text', required: true }],
      outputs: [{ name: 'image', type: 'image' }],
      config: z.strictObject({ count: z.number().default(1) }),
      cost: (settings) => 5 * (settings.count as number),
      run: async (ctx) => {
        count(ctx.nodeId);
        return { image: `https://provider.example/${encodeURIComponent(String(ctx.inputs.prompt))}.png` };
      },
      dryRun: async (ctx) => ({ image: `placeholder:${ctx.nodeType}:${String(ctx.inputs.prompt)}` }),
    },
    {
      ...base,
      nodeType: 'output:t_result',
      label: 'Result',
      category: 'output',
      inputs: [{ name: 'value', type: 'any', required: true }],
      outputs: [{ name: 'value', type: 'any' }],
      config: z.strictObject({ name: z.string().default('result') }),
      run: async (ctx) => ({ value: ctx.inputs.value }),
    },
  ];
  return new NodeRegistry(types);
}

const memoryArtifacts: ArtifactStore = {
  put: async () => {
    throw new Error('no artifacts in engine tests');
  },
  get: async () => undefined,
  idFromUrl: () => undefined,
};

export type Wire = [source: string, sourcePort: string, target: string, targetPort: string];

/** A graph in the React Flow shape from terse node and wire lists. */
export function graph(nodes: Record<string, [nodeType: string, config?: Record<string, unknown>]>, wires: Wire[] = []) {
  return {
    nodes: Object.entries(nodes).map(([id, [nodeType, config]]) => ({
      id,
      type: 'basedNode',
      position: { x: 0, y: 0 },
      data: { nodeType, config: config ?? {} },
    })),
    edges: wires.map(([source, sp, target, tp], i) => ({ id: `e${i}`, source, target, sourceHandle: `out-${sp}`, targetHandle: `in-${tp}` })),
  };
}

export function harness(options: Partial<EngineOptions> = {}) {
  const intervals: Interval[] = [];
  const calls = new Map<string, number>();
  const registry = testTypes(intervals, calls);
  const recorder = new MemoryRecorder();
  const engine = new Engine({
    registry,
    artifacts: memoryArtifacts,
    policy: policyFor('cli', {}),
    recorder,
    retry: { minDelayMs: 1, maxDelayMs: 5, factor: 2 },
    ...options,
  });
  const compile = (g: unknown) => compileOrThrow(g, registry);
  return { engine, registry, recorder, intervals, calls, compile };
}

export function maxOverlap(intervals: Interval[]): number {
  const points = intervals
    .flatMap((i) => [
      { t: i.start, d: 1 },
      { t: i.end, d: -1 },
    ])
    .sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let max = 0;
  for (const p of points) max = Math.max(max, (current += p.d));
  return max;
}

export function statuses(state: ExecutionState): Record<string, string> {
  return Object.fromEntries(Object.entries(state.nodes).map(([id, node]) => [id, node.status]));
}
