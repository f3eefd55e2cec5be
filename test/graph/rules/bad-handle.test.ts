import { describe, expect, test } from 'vitest';
import { check, edge, node, pipeline, reported } from '../fixtures.js';

function withEdge(index: number, changes: Record<string, string | null>) {
  const graph = pipeline();
  Object.assign(graph.edges[index]!, changes);
  return graph;
}

describe('bad-target-handle', () => {
  test('suggests the nearest real input', () => {
    expect(reported(withEdge(0, { targetHandle: 'in-promt' }), 'bad-target-handle')).toEqual([
      {
        rule: 'bad-target-handle',
        message:
          'Edge "e1" (prompt → img): targetHandle `in-promt` is not an input of node "img" (generate:image); ' + 'its inputs are `in-prompt`, `in-image`',
        fix: 'did you mean `in-prompt`?',
        edgeId: 'e1',
        path: ['edges', 0, 'targetHandle'],
      },
    ]);
  });

  test.each(['image', 'out-image', 'in-imag'])('reads %s as meaning in-image', (handle) => {
    expect(reported(withEdge(1, { targetHandle: handle }), 'bad-target-handle')[0]?.fix).toBe('did you mean `in-image`?');
  });

  test('lists the inputs when nothing is close', () => {
    expect(reported(withEdge(0, { targetHandle: 'in-zzz' }), 'bad-target-handle')[0]?.fix).toBe('targetHandle must be one of `in-prompt`, `in-image`');
  });

  test('cannot infer a missing handle on a node with two inputs', () => {
    expect(reported(withEdge(0, { targetHandle: null }), 'bad-target-handle')).toEqual([
      expect.objectContaining({
        message:
          'Edge "e1" (prompt → img) has no targetHandle, and node "img" (generate:image) has 2 inputs ' + '(`in-prompt`, `in-image`), so none can be inferred',
        fix: 'targetHandle must be one of `in-prompt`, `in-image`',
      }),
    ]);
  });

  test('infers a missing handle on a node with one input', () => {
    const result = check(withEdge(1, { targetHandle: null }));
    expect(result.ok).toBe(true);
    expect(result.graph?.edges[1]).toMatchObject({ targetPort: 'image' });
  });

  test('passes real inputs', () => {
    expect(reported(pipeline(), 'bad-target-handle')).toEqual([]);
  });
});

describe('bad-source-handle', () => {
  test('suggests the nearest real output', () => {
    expect(reported(withEdge(1, { sourceHandle: 'out-img' }), 'bad-source-handle')).toEqual([
      expect.objectContaining({ edgeId: 'e2', fix: 'did you mean `out-image`?', path: ['edges', 1, 'sourceHandle'] }),
    ]);
  });

  test('says when the node has no outputs at all', () => {
    const graph = pipeline();
    graph.nodes.push(node({ id: 'out2', nodeType: 'output:image' }));
    graph.edges.push(edge('out', null, 'out2', 'image', 'e4'));
    const [violation] = reported(graph, 'bad-source-handle');
    expect(violation?.message).toContain('has no outputs');
    expect(violation?.fix).toBeUndefined();
  });

  test('passes real outputs', () => {
    expect(reported(pipeline(), 'bad-source-handle')).toEqual([]);
  });
});
