import { describe, expect, test } from 'vitest';
import { check, pipeline, reported } from '../fixtures.js';

function withConfig(index: number, config: Record<string, unknown>) {
  const graph = pipeline();
  graph.nodes[index]!.data.config = config;
  return graph;
}

describe('invalid-config', () => {
  test('reports a bad setting with its path', () => {
    expect(reported(withConfig(1, { steps: 'many' }), 'invalid-config')).toEqual([
      {
        rule: 'invalid-config',
        message: 'Node "img" (generate:image): config.steps: Invalid input: expected number, received string',
        nodeId: 'img',
        path: ['nodes', 1, 'data', 'config', 'steps'],
      },
    ]);
  });

  test('reports each unknown key with the setting it probably meant', () => {
    expect(reported(withConfig(1, { aspct_ratio: '1:1', stepz: 4, colour: 'red' }), 'invalid-config')).toEqual([
      expect.objectContaining({ path: ['nodes', 1, 'data', 'config', 'aspct_ratio'], fix: 'did you mean `aspect_ratio`?' }),
      expect.objectContaining({ path: ['nodes', 1, 'data', 'config', 'stepz'], fix: 'did you mean `steps`?' }),
      expect.objectContaining({
        message: 'Node "img" (generate:image): `config.colour` is not a setting of generate:image',
        path: ['nodes', 1, 'data', 'config', 'colour'],
        fix: undefined,
      }),
    ]);
  });

  test('suggests port names and common keys too', () => {
    const [violation] = reported(withConfig(1, { timeoutMS: 1000 }), 'invalid-config');
    expect(violation?.fix).toBe('did you mean `timeoutMs`?');
  });

  test('checks common keys with the common schema', () => {
    expect(reported(withConfig(1, { maxRetries: 99 }), 'invalid-config')).toEqual([
      expect.objectContaining({ path: ['nodes', 1, 'data', 'config', 'maxRetries'] }),
    ]);
  });

  test('checks a configured port value against the port type', () => {
    expect(reported(withConfig(2, { image: 42 }), 'invalid-config')).toEqual([
      expect.objectContaining({ nodeId: 'up', path: ['nodes', 2, 'data', 'config', 'image'] }),
    ]);
  });

  test('passes settings, port values and common keys that fit', () => {
    const result = check(withConfig(1, { aspect_ratio: '1:1', steps: 30, image: 'https://x/y.png', timeoutMs: 60_000 }));
    expect(result.violations).toEqual([]);
  });
});
