import { describe, expect, test } from 'vitest';
import { edge, node, reported } from '../fixtures.js';

const sources = [node({ id: 'a', nodeType: 'input:image' }), node({ id: 'b', nodeType: 'input:image' }), node({ id: 'c', nodeType: 'input:image' })];

describe('multiple-edges-into-input', () => {
  test('reports a single-value input fed by several edges, once, naming them all', () => {
    const graph = {
      nodes: [...sources, node({ id: 'up', nodeType: 'utility:upscale' })],
      edges: ['a', 'b', 'c'].map((id, i) => edge(id, 'image', 'up', 'image', `e${i + 1}`)),
    };
    expect(reported(graph, 'multiple-edges-into-input')).toEqual([
      {
        rule: 'multiple-edges-into-input',
        message: 'Input `in-image` of node "up" (utility:upscale) takes one value but 3 edges lead into it: `e1`, `e2`, `e3`',
        fix: 'keep one of `e1`, `e2`, `e3`, or merge the values before this node',
        nodeId: 'up',
        edgeId: 'e2',
        path: ['edges', 1, 'targetHandle'],
      },
    ]);
  });

  test('lets a list input collect several edges', () => {
    const graph = {
      nodes: [...sources, node({ id: 'grid', nodeType: 'utility:grid' })],
      edges: ['a', 'b', 'c'].map((id, i) => edge(id, 'image', 'grid', 'images', `e${i + 1}`)),
    };
    expect(reported(graph, 'multiple-edges-into-input')).toEqual([]);
  });
});
