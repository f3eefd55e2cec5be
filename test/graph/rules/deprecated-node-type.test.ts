import { describe, expect, test } from 'vitest';
import { check, edge, node, pipeline, reported } from '../fixtures.js';

describe('deprecated-node-type', () => {
  test('warns and names the replacement, without blocking', () => {
    const graph = {
      nodes: [node({ id: 'old', nodeType: 'generate:old_image', config: { prompt: 'p' } }), node({ id: 'out', nodeType: 'output:image' })],
      edges: [edge('old', 'image', 'out', 'image', 'e1')],
    };
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        rule: 'deprecated-node-type',
        message: 'Node "old" (generate:old_image) uses a deprecated node type (replaced by `generate:image`): the provider retired this model',
        fix: 'use `generate:image` instead',
        nodeId: 'old',
        path: ['nodes', 0, 'data', 'nodeType'],
      },
    ]);
  });

  test('passes current node types', () => {
    expect(reported(pipeline(), 'deprecated-node-type')).toEqual([]);
  });
});
