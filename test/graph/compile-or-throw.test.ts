import { describe, expect, test } from 'vitest';
import { PipewrightError } from '../../src/errors/index.js';
import { compileOrThrow } from '../../src/graph/index.js';
import { catalog, pipeline } from './fixtures.js';

function thrown(run: () => unknown): PipewrightError {
  try {
    run();
  } catch (error) {
    if (error instanceof PipewrightError) return error;
  }
  throw new Error('expected a PipewrightError');
}

describe('compileOrThrow', () => {
  test('returns the compiled graph of a valid workflow', () => {
    expect(compileOrThrow(pipeline(), catalog).nodes.map((n) => n.id)).toEqual(['prompt', 'img', 'up', 'out']);
  });

  test('throws a user error carrying every violation and warning', () => {
    const graph = pipeline();
    graph.edges[0]!.targetHandle = 'in-promt';
    graph.nodes[3]!.data.nodeType = 'output:imag';
    const error = thrown(() => compileOrThrow(graph, catalog));
    expect(error.code).toBe('invalid_graph');
    expect(error.kind).toBe('user');
    expect(error.message).toBe('Workflow graph failed validation (3 errors)');
    expect((error.details.violations as { rule: string }[]).map((v) => v.rule)).toEqual(['unknown-node-type', 'bad-target-handle', 'missing-required-input']);
    expect(error.details.warnings).toEqual([]);
  });

  test('counts one error in the singular', () => {
    expect(thrown(() => compileOrThrow({ nodes: [] }, catalog)).message).toBe('Workflow graph failed validation (1 error)');
  });
});
