import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { isPipewrightError } from '../../src/errors/index.js';
import { compileOrThrow, type CompiledGraph } from '../../src/graph/index.js';
import { policyFor } from '../../src/net/index.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { LocalArtifactStore } from '../../src/store/index.js';

// Random run-time inputs against graphs of every input type, named after Object.prototype's
// properties where they can be: a request is refused up front with a PipewrightError, or runs to
// an end where every failure is the user's (never a bug, never a thrown error).

const registry = createBuiltinRegistry();
let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pw-inputs-'));
  engine = new Engine({ registry, artifacts: new LocalArtifactStore({ dir }), policy: policyFor('server'), retry: { minDelayMs: 1, maxDelayMs: 2 } });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const n = (id: string, nodeType: string, config: Record<string, unknown> = {}) => ({ id, data: { nodeType, config } });
const e = (source: string, sourcePort: string, target: string, targetPort: string) => ({
  source,
  target,
  sourceHandle: `out-${sourcePort}`,
  targetHandle: `in-${targetPort}`,
});

const GRAPH: CompiledGraph = compileOrThrow(
  JSON.parse(
    JSON.stringify({
      nodes: [
        n('__proto__', 'input:text', { prompt: 'a,b' }),
        n('constructor', 'input:number', { value: 2 }),
        n('valueOf', 'input:boolean', { value: true }),
        n('hasOwnProperty', 'input:json', { value: { a: { b: 'deep' } } }),
        n('toString', 'input:select', { options: ['x', 'y'], value: 'x' }),
        n('img', 'input:image', { image: 'https://example.com/a.png' }),
        n('tpl', 'utility:prompt_template', { template: '{{first}} {{second}} {{third}}' }),
        n('split', 'utility:text_split', { separator: ',' }),
        n('each', 'utility:prompt_template', { template: 'item {{item}}' }),
        n('pick', 'utility:json_extract', { path: 'a.b' }),
        n('cond', 'logic:if', { operator: 'matches', compareTo: '^(t|x)' }),
        n('sw', 'logic:switch', { cases: ['x', '__proto__'] }),
        n('draw', 'generate:flux_2'),
        n('out', 'output:result', { name: '__proto__' }),
        n('items', 'output:result', { name: 'items' }),
        n('picked', 'output:result', { name: 'constructor' }),
        n('yes', 'output:result', { name: 'yes' }),
        n('routed', 'output:result', { name: 'routed' }),
        n('image', 'output:result', { name: 'image' }),
        n('photo', 'output:result', { name: 'photo' }),
      ],
      edges: [
        e('__proto__', 'text', 'tpl', 'first'),
        e('constructor', 'value', 'tpl', 'second'),
        e('toString', 'value', 'tpl', 'third'),
        e('tpl', 'text', 'out', 'value'),
        e('__proto__', 'text', 'split', 'text'),
        e('split', 'items', 'each', 'item'),
        e('each', 'text', 'items', 'value'),
        e('hasOwnProperty', 'value', 'pick', 'json'),
        e('pick', 'value', 'picked', 'value'),
        e('toString', 'value', 'cond', 'value'),
        e('valueOf', 'value', 'cond', 'condition'),
        e('cond', 'true', 'yes', 'value'),
        e('toString', 'value', 'sw', 'value'),
        e('sw', '__proto__', 'routed', 'value'),
        e('img', 'image', 'photo', 'value'),
        e('tpl', 'text', 'draw', 'prompt'),
        e('draw', 'image', 'image', 'value'),
      ],
    }),
  ),
  registry,
);

const INPUT_IDS = ['__proto__', 'constructor', 'valueOf', 'hasOwnProperty', 'toString', 'img'];
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...INPUT_IDS) },
  fc.constantFrom('tpl', 'out', 'prototype', '__defineGetter__', ''),
  fc.string({ maxLength: 6 }),
);
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'x',
    'y',
    'true',
    'false',
    '12',
    '-0',
    '1e400',
    '',
    ' ',
    'a,b,c',
    '😀',
    'data:image/png;base64,AAAA',
    '../../etc/passwd',
    'file:///etc/passwd',
    'http://127.0.0.1/x.png',
  ),
);
// Built as JSON text would parse, so a "__proto__" key is a key, not a prototype.
const inputs = fc
  .array(fc.tuple(key, value), { maxLength: 6 })
  .map((pairs) => JSON.parse(`{${pairs.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`) as Record<string, unknown>);

describe('run-time inputs, at random', () => {
  it("are refused up front with a PipewrightError, or run to an end whose failures are the user's", async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.option(fc.constantFrom('out', 'items', 'image', 'nope', '__proto__'), { nil: undefined }), async (given, targetNodeId) => {
        let handle;
        try {
          handle = engine.execute({ graph: GRAPH, inputs: given, dryRun: true, force: true, ...(targetNodeId !== undefined && { targetNodeId }) });
        } catch (error) {
          expect(isPipewrightError(error) && error.kind === 'user', String(error)).toBe(true);
          return;
        }
        const state = await handle.result;
        expect(['COMPLETED', 'FAILED']).toContain(state.status);
        for (const node of Object.values(state.nodes)) {
          if (node.status === 'FAILED') expect(node.error?.code, `${node.nodeId}: ${node.error?.message}`).not.toBe('node_error');
        }
        if (state.status === 'COMPLETED' && targetNodeId === undefined) expect(Object.keys(state.finalOutput ?? {}).length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
