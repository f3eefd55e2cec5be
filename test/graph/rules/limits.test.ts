import { describe, expect, test } from 'vitest';
import { check, edge, node } from '../fixtures.js';

const texts = (n: number) => Array.from({ length: n }, (_, i) => node({ id: `n${i}`, nodeType: 'input:text' }));
const links = (n: number) => Array.from({ length: n }, (_, i) => edge('n0', 'text', 'n1', 'prompt', `e${i}`));

describe('too-many-nodes', () => {
  test('rejects 101 nodes and checks nothing further', () => {
    const result = check({ nodes: texts(101), edges: [] });
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'too-many-nodes', message: 'The graph has 101 nodes; the limit is 100' })]);
    expect(result.warnings).toEqual([]);
  });

  test('accepts 100 nodes', () => {
    expect(check({ nodes: texts(100), edges: [] }).violations.map((v) => v.rule)).not.toContain('too-many-nodes');
  });
});

describe('too-many-edges', () => {
  test('rejects 501 edges', () => {
    const result = check({ nodes: texts(2), edges: links(501) });
    expect(result.violations).toEqual([expect.objectContaining({ rule: 'too-many-edges', path: ['edges'] })]);
  });

  test('accepts 500 edges', () => {
    expect(check({ nodes: texts(2), edges: links(500) }).violations.map((v) => v.rule)).not.toContain('too-many-edges');
  });
});
