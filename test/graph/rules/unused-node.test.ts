import { describe, expect, test } from 'vitest';
import { check, node, pipeline, reported } from '../fixtures.js';

describe('unused-node', () => {
  test('warns about a node with no edges, without blocking', () => {
    const graph = pipeline();
    graph.nodes.push(node({ id: 'stray', nodeType: 'input:text' }));
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        rule: 'unused-node',
        message: 'Node "stray" (input:text) has no edges: it runs on its own and nothing reads its output',
        nodeId: 'stray',
        path: ['nodes', 4],
      },
    ]);
  });

  test('says nothing about a graph of one node', () => {
    expect(reported({ nodes: [node({ id: 'o', nodeType: 'output:text', config: { text: 'x' } })] }, 'unused-node')).toEqual([]);
  });

  test('passes connected nodes', () => {
    expect(reported(pipeline(), 'unused-node')).toEqual([]);
  });
});
