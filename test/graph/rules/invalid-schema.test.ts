import { describe, expect, test } from 'vitest';
import { check, node, pipeline } from '../fixtures.js';

describe('invalid-schema', () => {
  test('maps each zod issue to a violation with its path and node id', () => {
    const graph = pipeline();
    const broken = { ...graph, nodes: [...graph.nodes, { id: 'x', data: { config: {} } }] };
    const result = check(broken);
    expect(result.ok).toBe(false);
    expect(result.violations).toContainEqual(expect.objectContaining({ rule: 'invalid-schema', nodeId: 'x', path: ['nodes', 4, 'data', 'nodeType'] }));
    expect(result.violations[0]?.message).toMatch(/^nodes\[4\]\.data\.nodeType \(node "x"\): /);
  });

  test('keeps checking the nodes and edges that did parse', () => {
    const graph = { nodes: [node({ id: 'a', nodeType: 'utility:upscal' }), { id: 'b' }], edges: [{ source: 'a' }] };
    const rules = check(graph).violations.map((v) => v.rule);
    expect(rules).toContain('invalid-schema');
    expect(rules).toContain('unknown-node-type');
  });

  test.each([null, undefined, 42, 'graph', [], { nodes: null }, { nodes: 'x', edges: [] }])('stops at a top level it cannot use: %j', (input) => {
    const result = check(input);
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.rule)).toEqual(['invalid-schema']);
    expect(result.graph).toBeUndefined();
  });

  test('passes a whole workflow and keeps its other keys in the source', () => {
    const result = check({ name: 'Shot', tags: ['template'], webhookId: 'w1', ...pipeline() });
    expect(result.violations).toEqual([]);
    expect(result.graph?.source).toMatchObject({ name: 'Shot', tags: ['template'], webhookId: 'w1' });
  });

  test('drops stale output and result keys rather than objecting to them', () => {
    const graph = pipeline();
    Object.assign(graph.nodes[0]!.data, { output: { text: 'old' }, result: 'old', editorColour: 'red' });
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.graph?.source.nodes[0]?.data).not.toHaveProperty('output');
    expect(result.graph?.source.nodes[0]?.data).not.toHaveProperty('result');
    expect(result.graph?.source.nodes[0]?.data).toHaveProperty('editorColour', 'red');
  });
});

test('invalid-schema: an edge to a node that failed the schema is not also called dangling', () => {
  const graph = {
    nodes: [node({ id: 'a', nodeType: 'input:image' }), { id: 'b', data: { config: {} } }],
    edges: [{ id: 'e1', source: 'a', target: 'b' }],
  };
  expect(check(graph).violations.map((v) => v.rule)).toEqual(['invalid-schema']);
});
