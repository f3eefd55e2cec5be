import { describe, expect, test } from 'vitest';
import { edge, pipeline, reported } from '../fixtures.js';

describe('dangling-edge', () => {
  test('names the missing node and suggests the nearest id', () => {
    const graph = pipeline();
    graph.edges[1] = edge('img', 'image', 'upp', 'image', 'e2');
    expect(reported(graph, 'dangling-edge')).toEqual([
      {
        rule: 'dangling-edge',
        message: 'Edge "e2" (img → upp): target node "upp" does not exist',
        fix: 'did you mean `up`?',
        edgeId: 'e2',
        path: ['edges', 1, 'target'],
      },
    ]);
  });

  test('reports both ends when neither exists', () => {
    const graph = pipeline();
    graph.edges.push(edge('ghost', 'x', 'phantom', 'y', 'e4'));
    expect(reported(graph, 'dangling-edge').map((v) => v.path)).toEqual([
      ['edges', 3, 'source'],
      ['edges', 3, 'target'],
    ]);
  });

  test('passes edges between existing nodes', () => {
    expect(reported(pipeline(), 'dangling-edge')).toEqual([]);
  });
});
