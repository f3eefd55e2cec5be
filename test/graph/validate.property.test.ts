import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPipewrightError } from '../../src/errors/index.js';
import { compileOrThrow, validateGraph } from '../../src/graph/index.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';

// Random graphs, from plausible to absurd: the validator answers every one with violations (or a
// compiled graph) and never throws; compileOrThrow throws nothing but invalid_graph.

const registry = createBuiltinRegistry();
const TYPES = registry.list().map((type) => type.nodeType);
const TRICKY = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '', ' ', 'a'.repeat(300), '\u0000', '😀', '../x'];

const id = fc.oneof(fc.constantFrom('a', 'b', 'c', 'out', ...TRICKY), fc.string({ maxLength: 12 }));
const port = fc.oneof(
  fc.constantFrom('text', 'prompt', 'value', 'image', 'images', 'items', 'true', 'false', 'default', ...TRICKY),
  fc.string({ maxLength: 8 }),
);
const handle = fc.oneof(
  port.map((name) => `out-${name}`),
  port.map((name) => `in-${name}`),
  port,
  fc.constant(null),
  fc.constant(undefined),
);
const configValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('{{x}}', '{{__proto__}} {{constructor}}', '^(a+)+$', '(a)\\1'));
const config = fc.dictionary(
  fc.oneof(port, fc.constantFrom('template', 'prompt', 'name', 'cases', 'operator', 'compareTo', 'maxIterations', 'timeoutMs')),
  configValue,
  { maxKeys: 5 },
);

const node = fc.record(
  {
    id,
    type: fc.constantFrom('basedNode', undefined),
    position: fc.oneof(fc.record({ x: fc.integer(), y: fc.integer() }), fc.constant(undefined)),
    data: fc.oneof(
      fc.record(
        { nodeType: fc.oneof(fc.constantFrom(...TYPES), fc.constantFrom(...TRICKY), fc.string()), config, label: fc.option(fc.string(), { nil: undefined }) },
        { requiredKeys: ['nodeType'] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  },
  { requiredKeys: ['id', 'data'] },
);
const edge = fc.record(
  { id: fc.option(id, { nil: undefined }), source: id, target: id, sourceHandle: handle, targetHandle: handle },
  { requiredKeys: ['source', 'target'] },
);
const graph = fc.oneof(
  { weight: 8, arbitrary: fc.record({ nodes: fc.array(node, { maxLength: 8 }), edges: fc.array(edge, { maxLength: 10 }) }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
);

describe('validateGraph on random input', () => {
  it('returns violations or a compiled graph, and never throws', () => {
    fc.assert(
      fc.property(graph, (input) => {
        const result = validateGraph(input, registry);
        expect(typeof result.ok).toBe('boolean');
        expect(result.ok).toBe(result.violations.length === 0);
        expect(result.ok).toBe(result.graph !== undefined);
        for (const violation of result.violations) expect(violation).toMatchObject({ rule: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 400 },
    );
  });

  it('compileOrThrow throws only invalid_graph, a user error', () => {
    fc.assert(
      fc.property(graph, (input) => {
        try {
          compileOrThrow(input, registry);
        } catch (error) {
          expect(isPipewrightError(error) && error.code === 'invalid_graph' && error.kind === 'user', String(error)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
