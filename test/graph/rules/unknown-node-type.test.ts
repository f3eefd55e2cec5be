import { describe, expect, test } from 'vitest';
import { pipeline, reported } from '../fixtures.js';

function withType(nodeType: string) {
  const graph = pipeline();
  graph.nodes[2]!.data.nodeType = nodeType;
  return graph;
}

describe('unknown-node-type', () => {
  test('suggests the nearest real node type', () => {
    expect(reported(withType('utility:upscal'), 'unknown-node-type')).toEqual([
      {
        rule: 'unknown-node-type',
        message: 'Node "up" has unknown nodeType "utility:upscal"',
        fix: 'did you mean `utility:upscale`?',
        nodeId: 'up',
        path: ['nodes', 2, 'data', 'nodeType'],
      },
    ]);
  });

  test('finds the type from its name without the family', () => {
    expect(reported(withType('upscale'), 'unknown-node-type')[0]?.fix).toBe('did you mean `utility:upscale`?');
  });

  test('offers no guess when nothing is close', () => {
    expect(reported(withType('video:stabilise'), 'unknown-node-type')[0]?.fix).toBeUndefined();
  });

  test('does not pile handle errors onto the unknown node', () => {
    const rules = reported(withType('utility:upscal'), 'bad-target-handle');
    expect(rules).toEqual([]);
  });

  test('passes known types', () => {
    expect(reported(pipeline(), 'unknown-node-type')).toEqual([]);
  });
});
