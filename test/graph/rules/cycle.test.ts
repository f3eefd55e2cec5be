import { describe, expect, test } from 'vitest';
import { edge, node, reported } from '../fixtures.js';

const upscalers = (...ids: string[]) => ids.map((id) => node({ id, nodeType: 'utility:upscale' }));
const link = (source: string, target: string) => edge(source, 'image', target, 'image', `${source}-${target}`);

describe('cycle', () => {
  test('names the nodes of the cycle in order and the edges that close it', () => {
    const graph = { nodes: upscalers('c', 'a', 'b'), edges: [link('b', 'c'), link('a', 'b'), link('c', 'a')] };
    expect(reported(graph, 'cycle')).toEqual([
      {
        rule: 'cycle',
        message: 'The graph has a cycle: a → b → c → a',
        fix: 'remove one of the edges `a-b`, `b-c`, `c-a`',
        nodeId: 'a',
        path: ['edges'],
      },
    ]);
  });

  test('reports separate cycles separately and does not blame nodes downstream', () => {
    const graph = {
      nodes: upscalers('a', 'b', 'x', 'y', 'after'),
      edges: [link('a', 'b'), link('b', 'a'), link('x', 'y'), link('y', 'x'), link('b', 'after')],
    };
    expect(reported(graph, 'cycle').map((v) => v.message)).toEqual(['The graph has a cycle: a → b → a', 'The graph has a cycle: x → y → x']);
  });

  test('finds a node wired to itself', () => {
    expect(reported({ nodes: upscalers('a'), edges: [link('a', 'a')] }, 'cycle')[0]?.message).toBe('The graph has a cycle: a → a');
  });

  test('passes a DAG', () => {
    expect(reported({ nodes: upscalers('a', 'b', 'c'), edges: [link('a', 'b'), link('b', 'c')] }, 'cycle')).toEqual([]);
  });
});
