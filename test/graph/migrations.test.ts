import { describe, expect, test } from 'vitest';
import { check, edge, pipeline } from './fixtures.js';

describe('category', () => {
  test('a wrong category is corrected and reported', () => {
    const graph = pipeline();
    Object.assign(graph.nodes[1]!.data, { category: 'utility' });
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.migrations).toEqual([
      {
        nodeId: 'img',
        field: 'data.category',
        from: 'utility',
        to: 'model',
        message: 'Node "img" (generate:image) had category "utility"; corrected to "model"',
      },
    ]);
    expect(result.graph?.source.nodes[1]?.data.category).toBe('model');
  });

  test('a missing category is filled without a report', () => {
    const result = check(pipeline());
    expect(result.migrations).toEqual([]);
    expect(result.graph?.source.nodes.map((n) => n.data.category)).toEqual(['input', 'model', 'utility', 'output']);
  });

  test('a right category is left alone', () => {
    const graph = pipeline();
    Object.assign(graph.nodes[1]!.data, { category: 'model' });
    expect(check(graph).migrations).toEqual([]);
  });
});

describe('edge ids', () => {
  test('a missing id is derived from the endpoints and reported', () => {
    const graph = pipeline();
    graph.edges[0] = edge('prompt', 'text', 'img', 'prompt');
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.migrations).toEqual([
      expect.objectContaining({
        edgeId: 'e-prompt-out-text-img-in-prompt',
        field: 'id',
        from: undefined,
        to: 'e-prompt-out-text-img-in-prompt',
      }),
    ]);
    expect(result.graph?.edges[0]?.id).toBe('e-prompt-out-text-img-in-prompt');
  });

  test('the derived id is stable and never collides with another edge', () => {
    const graph = pipeline();
    graph.edges[0] = edge('prompt', 'text', 'img', 'prompt', 'e-prompt-out-text-img-in-prompt');
    graph.edges.push(edge('prompt', 'text', 'img', 'prompt'));
    const ids = () => check(graph).migrations.map((m) => m.to);
    expect(ids()).toEqual(['e-prompt-out-text-img-in-prompt-2']);
    expect(ids()).toEqual(ids());
  });

  test('an inferred handle is filled in and reported, and named in the derived id', () => {
    const graph = pipeline();
    graph.edges[1] = edge('img', null, 'up', null);
    const result = check(graph);
    expect(result.ok).toBe(true);
    expect(result.migrations.map((m) => [m.field, m.to])).toEqual([
      ['id', 'e-img-out-image-up-in-image'],
      ['sourceHandle', 'out-image'],
      ['targetHandle', 'in-image'],
    ]);
    expect(result.graph?.source.edges[1]).toMatchObject({ sourceHandle: 'out-image', targetHandle: 'in-image' });
  });
});
