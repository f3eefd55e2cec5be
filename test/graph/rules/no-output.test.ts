import { describe, expect, test } from 'vitest';
import { check, pipeline, reported } from '../fixtures.js';

describe('no-output', () => {
  test('warns when no output:* node exists, without blocking', () => {
    const graph = pipeline();
    graph.nodes.pop();
    graph.edges.pop();
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.rule)).toEqual(['no-output']);
  });

  test('passes a graph with an output node', () => {
    expect(reported(pipeline(), 'no-output')).toEqual([]);
  });
});
