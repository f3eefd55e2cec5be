import { expect, test } from 'vitest';
import { check, node } from '../fixtures.js';

test('empty-graph: a graph without nodes', () => {
  const result = check({ nodes: [], edges: [] });
  expect(result.violations).toEqual([{ rule: 'empty-graph', message: 'The graph has no nodes', path: ['nodes'] }]);
  expect(result.warnings).toEqual([]);
});

test('empty-graph: one node is enough', () => {
  expect(check({ nodes: [node({ id: 'o', nodeType: 'output:text', config: { text: 'hi' } })] }).ok).toBe(true);
});
