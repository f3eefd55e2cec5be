import { describe, expect, test } from 'vitest';
import { check, edge, node, reported } from '../fixtures.js';

describe('type-mismatch', () => {
  test('names both ports and both types, and suggests a port that fits', () => {
    const graph = {
      nodes: [node({ id: 'a', nodeType: 'generate:image', config: { prompt: 'p' } }), node({ id: 'b', nodeType: 'generate:image' })],
      edges: [edge('a', 'image', 'b', 'prompt', 'e1')],
    };
    expect(reported(graph, 'type-mismatch')).toEqual([
      {
        rule: 'type-mismatch',
        message:
          'Edge "e1" (a → b) joins `out-image` (image) of node "a" (generate:image) to `in-prompt` (text) of node "b" ' +
          '(generate:image): image cannot flow into text',
        fix: 'did you mean `in-image`?',
        edgeId: 'e1',
        path: ['edges', 0],
      },
    ]);
  });

  test('offers no fix when no port on either side fits', () => {
    const graph = {
      nodes: [node({ id: 'a', nodeType: 'input:image' }), node({ id: 'b', nodeType: 'output:text' })],
      edges: [edge('a', 'image', 'b', 'text', 'e1')],
    };
    expect(reported(graph, 'type-mismatch')[0]?.fix).toBeUndefined();
  });

  test('passes compatible types: number into text, a list into a single item', () => {
    const graph = {
      nodes: [
        node({ id: 'imgs', nodeType: 'input:images' }),
        node({ id: 'count', nodeType: 'utility:count' }),
        node({ id: 'up', nodeType: 'utility:upscale' }),
        node({ id: 'say', nodeType: 'output:text' }),
        node({ id: 'show', nodeType: 'output:gallery' }),
      ],
      edges: [
        edge('imgs', 'images', 'count', 'items', 'e1'),
        edge('count', 'count', 'say', 'text', 'e2'),
        edge('imgs', 'images', 'up', 'image', 'e3'),
        edge('up', 'image', 'show', 'images', 'e4'),
      ],
    };
    expect(check(graph).violations).toEqual([]);
  });
});
