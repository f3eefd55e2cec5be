import { describe, expect, test } from 'vitest';
import { edge, node, pipeline, reported } from '../fixtures.js';

describe('duplicate-node-id', () => {
  test('reports each repeat with a free id to rename it to', () => {
    const graph = pipeline();
    graph.nodes.push(node({ id: 'up', nodeType: 'output:text', config: { text: 'x' } }));
    expect(reported(graph, 'duplicate-node-id')).toEqual([
      {
        rule: 'duplicate-node-id',
        message: 'Node id "up" is used by nodes[2] and nodes[4]; node ids must be unique',
        fix: 'rename nodes[4] to `up-2`',
        nodeId: 'up',
        path: ['nodes', 4, 'id'],
      },
    ]);
  });

  test('passes unique ids', () => {
    expect(reported(pipeline(), 'duplicate-node-id')).toEqual([]);
  });
});

describe('duplicate-edge-id', () => {
  test('reports each repeat', () => {
    const graph = pipeline();
    graph.edges[2] = edge('up', 'image', 'out', 'image', 'e1');
    expect(reported(graph, 'duplicate-edge-id')).toEqual([
      expect.objectContaining({ edgeId: 'e1', fix: 'rename edges[2] to `e1-2`', path: ['edges', 2, 'id'] }),
    ]);
  });

  test('passes unique ids', () => {
    expect(reported(pipeline(), 'duplicate-edge-id')).toEqual([]);
  });
});
