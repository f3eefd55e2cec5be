import { describe, expect, test } from 'vitest';
import { check, node, pipeline, reported } from '../fixtures.js';

function withoutPromptEdge() {
  const graph = pipeline();
  graph.nodes.splice(0, 1);
  graph.edges.splice(0, 1);
  return graph;
}

describe('missing-required-input', () => {
  test('reports a required input neither wired nor configured', () => {
    expect(reported(withoutPromptEdge(), 'missing-required-input')).toEqual([
      {
        rule: 'missing-required-input',
        message: 'Node "img" (generate:image) needs input `prompt` (text): it is neither wired nor set in config',
        fix: 'connect an edge to `in-prompt` or set `config.prompt`',
        nodeId: 'img',
        path: ['nodes', 0, 'data', 'config', 'prompt'],
      },
    ]);
  });

  test('counts null as not set', () => {
    const graph = withoutPromptEdge();
    graph.nodes[0]!.data.config = { prompt: null };
    expect(reported(graph, 'missing-required-input')).toHaveLength(1);
  });

  test('accepts the value from config instead of an edge', () => {
    const graph = withoutPromptEdge();
    graph.nodes[0]!.data.config = { prompt: 'a red sneaker' };
    expect(check(graph).ok).toBe(true);
  });

  test('accepts a wired input', () => {
    expect(reported(pipeline(), 'missing-required-input')).toEqual([]);
  });

  test('ignores optional inputs', () => {
    const graph = { nodes: [node({ id: 'chat', nodeType: 'llm:chat', config: { prompt: 'hi' } })] };
    expect(reported(graph, 'missing-required-input')).toEqual([]);
  });
});
