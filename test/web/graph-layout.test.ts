import { describe, expect, it } from 'vitest';
import { portOf, positionsOf } from '../../web/shared/graph-layout.js';

const edge = (source: string, target: string) => ({ id: `${source}-${target}`, source, target });

describe('where nodes are drawn', () => {
  it('keeps the positions a workflow stores', () => {
    const nodes = [
      { id: 'a', position: { x: 10, y: 20 } },
      { id: 'b', position: { x: 400, y: 20 } },
    ];
    expect([...positionsOf({ nodes, edges: [edge('a', 'b')] })]).toEqual([
      ['a', { x: 10, y: 20 }],
      ['b', { x: 400, y: 20 }],
    ]);
  });

  it('lays out stacked or missing positions in columns by the longest path from an input', () => {
    const nodes = ['in', 'mid', 'late', 'other'].map((id) => ({ id, position: { x: 0, y: 0 } }));
    const positions = positionsOf({ nodes, edges: [edge('in', 'mid'), edge('mid', 'late'), edge('in', 'late')] });
    expect(positions.get('in')).toEqual({ x: 0, y: 0 });
    expect(positions.get('mid')).toEqual({ x: 320, y: 0 });
    expect(positions.get('late')).toEqual({ x: 640, y: 0 });
    expect(positions.get('other')).toEqual({ x: 0, y: 300 });
    expect(positionsOf({ nodes: [{ id: 'solo' }], edges: [] }).get('solo')).toEqual({ x: 0, y: 0 });
  });

  it('ends on a cycle (a refused graph may still be drawn)', () => {
    const nodes = [{ id: 'a' }, { id: 'b' }];
    expect(positionsOf({ nodes, edges: [edge('a', 'b'), edge('b', 'a')] }).size).toBe(2);
  });

  it('names ports from handles', () => {
    expect([portOf('out-image'), portOf('in-prompt'), portOf(undefined)]).toEqual(['image', 'prompt', undefined]);
  });
});
