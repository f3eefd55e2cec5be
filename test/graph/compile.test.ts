import { describe, expect, test } from 'vitest';
import { check, edge, node, pipeline } from './fixtures.js';

function compiled(graph: unknown) {
  const result = check(graph);
  expect(result.violations).toEqual([]);
  return result.graph!;
}

describe('compileGraph', () => {
  test('orders nodes topologically, whatever order they were sent in', () => {
    const graph = pipeline();
    graph.nodes.reverse();
    expect(compiled(graph).nodes.map((n) => n.id)).toEqual(['prompt', 'img', 'up', 'out']);
  });

  test('applies setting defaults and keeps ports, spec and label', () => {
    const graph = pipeline();
    graph.nodes[1]!.data = { ...graph.nodes[1]!.data, label: 'Hero shot' } as (typeof graph.nodes)[1]['data'];
    const img = compiled(graph).byId.get('img')!;
    expect(img).toMatchObject({
      nodeType: 'generate:image',
      label: 'Hero shot',
      settings: { aspect_ratio: '16:9', steps: 20 },
      portValues: {},
      common: {},
    });
    expect(img.spec.nodeType).toBe('generate:image');
    expect(img.inputs.map((p) => p.name)).toEqual(['prompt', 'image']);
    expect(compiled(pipeline()).byId.get('up')?.label).toBe('utility:upscale');
  });

  test('splits config into settings, values of unwired ports and common keys', () => {
    const graph = pipeline();
    graph.nodes[1]!.data.config = { steps: 8, prompt: 'ignored: the port is wired', image: 'https://x/ref.png', timeoutMs: 90_000 };
    expect(compiled(graph).byId.get('img')).toMatchObject({
      settings: { aspect_ratio: '1:1', steps: 8 },
      portValues: { image: 'https://x/ref.png' },
      common: { timeoutMs: 90_000 },
    });
  });

  test('parses port names from handles and says how each edge connects', () => {
    const graph = {
      nodes: [
        node({ id: 'one', nodeType: 'input:image' }),
        node({ id: 'many', nodeType: 'input:images' }),
        node({ id: 'up', nodeType: 'utility:upscale' }),
        node({ id: 'grid', nodeType: 'utility:grid' }),
        node({ id: 'show', nodeType: 'output:image' }),
      ],
      edges: [
        edge('many', 'images', 'up', 'image', 'iterate'),
        edge('one', 'image', 'grid', 'images', 'wrap'),
        edge('grid', 'image', 'show', 'image', 'direct'),
      ],
    };
    const { edges } = compiled(graph);
    expect(edges).toEqual([
      { id: 'iterate', source: 'many', sourcePort: 'images', target: 'up', targetPort: 'image', connection: 'iterate' },
      { id: 'wrap', source: 'one', sourcePort: 'image', target: 'grid', targetPort: 'images', connection: 'wrap' },
      { id: 'direct', source: 'grid', sourcePort: 'image', target: 'show', targetPort: 'image', connection: 'direct' },
    ]);
  });

  test('maps incoming and outgoing edges per node, in the order sent', () => {
    const graph = {
      nodes: [...['b', 'a', 'c'].map((id) => node({ id, nodeType: 'input:image' })), node({ id: 'grid', nodeType: 'utility:grid' })],
      edges: ['b', 'a', 'c'].map((id) => edge(id, 'image', 'grid', 'images', `e${id}`)),
    };
    const result = compiled(graph);
    expect(result.incoming.get('grid')?.map((e) => e.id)).toEqual(['eb', 'ea', 'ec']);
    expect(result.outgoing.get('a')?.map((e) => e.id)).toEqual(['ea']);
    expect(result.incoming.get('a')).toEqual([]);
    expect(result.outgoing.get('grid')).toEqual([]);
  });

  test('keeps the normalised graph as its source', () => {
    const graph = pipeline();
    const { source } = compiled(graph);
    expect(source.nodes.map((n) => n.data.category)).toEqual(['input', 'model', 'utility', 'output']);
    expect(source.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
    expect(source.nodes[0]).toMatchObject({ type: 'basedNode', position: { x: 0, y: 0 } });
  });

  test('is absent when validation fails', () => {
    const graph = pipeline();
    graph.edges[0]!.targetHandle = 'in-nope';
    expect(check(graph).graph).toBeUndefined();
  });
});
