import { describe, expect, test } from 'vitest';
import { check, edge, node, pipeline } from './fixtures.js';

describe('validateGraph', () => {
  test('passes a valid pipeline with nothing to report', () => {
    const result = check(pipeline());
    expect(result).toMatchObject({ ok: true, violations: [], warnings: [], migrations: [] });
    expect(result.graph).toBeDefined();
  });

  test('collects every problem instead of stopping at the first', () => {
    const graph = pipeline();
    graph.nodes[1]!.data.config = { steps: 0 };
    graph.nodes[2]!.data.nodeType = 'utility:upscal';
    graph.edges.push(edge('out', 'image', 'ghost', 'image', 'e4'));
    const rules = check(graph).violations.map((v) => v.rule);
    expect(rules).toEqual(['unknown-node-type', 'dangling-edge', 'bad-source-handle', 'invalid-config']);
  });

  test('reports warnings alongside violations', () => {
    const graph = { nodes: [node({ id: 'a', nodeType: 'llm:chat' }), node({ id: 'b', nodeType: 'input:text' })] };
    const result = check(graph);
    expect(result.violations.map((v) => v.rule)).toEqual(['missing-required-input']);
    expect(result.warnings.map((w) => w.rule)).toEqual(['unused-node', 'unused-node', 'no-output']);
  });

  test.each([
    ['a null node', { nodes: [null] }],
    ['a node without data', { nodes: [{ id: 'a' }] }],
    ['edges that are not objects', { nodes: [node({ id: 'a', nodeType: 'input:text' })], edges: [1, 'x', null] }],
    ['an empty id', { nodes: [node({ id: '', nodeType: 'input:text' })] }],
    ['a config that is not an object', { nodes: [{ id: 'a', data: { nodeType: 'input:text', config: [] } }] }],
    ['a prototype-ish node type', { nodes: [node({ id: 'a', nodeType: 'constructor' })] }],
    ['a deeply odd config', { nodes: [node({ id: 'a', nodeType: 'utility:template', config: { template: 42 } })] }],
  ])('never throws on %s', (_, input) => {
    expect(() => check(input)).not.toThrow();
    expect(check(input).ok).toBe(false);
  });
});
