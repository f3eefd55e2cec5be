import { describe, expect, test } from 'vitest';
import { pipeline, reported } from '../fixtures.js';

function withValue(bytes: number) {
  const graph = pipeline();
  graph.nodes[0]!.data.config = { value: 'x'.repeat(bytes) };
  return graph;
}

describe('config-too-large', () => {
  test('rejects more than 256 KiB of JSON config on a node', () => {
    expect(reported(withValue(257 * 1024), 'config-too-large')).toEqual([
      expect.objectContaining({
        message: 'Node "prompt" (input:text): config is 257.0 KiB of JSON; the limit is 256 KiB',
        nodeId: 'prompt',
        path: ['nodes', 0, 'data', 'config'],
      }),
    ]);
  });

  test('counts UTF-8 bytes, not characters', () => {
    const graph = pipeline();
    graph.nodes[0]!.data.config = { value: 'é'.repeat(140 * 1024) };
    expect(reported(graph, 'config-too-large')).toHaveLength(1);
  });

  test('accepts a config under the limit', () => {
    expect(reported(withValue(250 * 1024), 'config-too-large')).toEqual([]);
  });

  test('reports a config that cannot be written as JSON instead of throwing', () => {
    const graph = pipeline();
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    graph.nodes[0]!.data.config = { value: 'x', loop };
    expect(reported(graph, 'invalid-config').map((v) => v.message)).toContain('Node "prompt" (input:text): config cannot be written as JSON');
  });
});
