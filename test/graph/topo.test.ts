import { describe, expect, test } from 'vitest';
import { findCycle, topologicalOrder } from '../../src/graph/topo.js';

const arc = (source: string, target: string) => ({ source, target });

describe('topologicalOrder', () => {
  test('puts every node after the nodes it depends on', () => {
    const { order, unordered } = topologicalOrder(['c', 'b', 'a'], [arc('a', 'b'), arc('b', 'c')]);
    expect(order).toEqual(['a', 'b', 'c']);
    expect(unordered).toEqual([]);
  });

  test('breaks ties by node id, whatever order nodes and edges come in', () => {
    const arcs = [arc('root', 'zeta'), arc('root', 'alpha'), arc('root', 'mid')];
    const expected = ['root', 'alpha', 'mid', 'zeta'];
    expect(topologicalOrder(['zeta', 'mid', 'alpha', 'root'], arcs).order).toEqual(expected);
    expect(topologicalOrder(['root', 'alpha', 'mid', 'zeta'], [...arcs].reverse()).order).toEqual(expected);
  });

  test('takes a node as soon as it is ready, smallest id first', () => {
    // b is ready only after z, so a → z → b even though b < z.
    const { order } = topologicalOrder(['a', 'b', 'z'], [arc('z', 'b')]);
    expect(order).toEqual(['a', 'z', 'b']);
  });

  test('leaves nodes on and after a cycle unordered', () => {
    const { order, unordered } = topologicalOrder(['a', 'b', 'c', 'd'], [arc('a', 'b'), arc('b', 'c'), arc('c', 'b'), arc('c', 'd')]);
    expect(order).toEqual(['a']);
    expect(unordered).toEqual(['b', 'c', 'd']);
  });

  test('ignores edges to nodes it was not given', () => {
    expect(topologicalOrder(['a'], [arc('a', 'ghost'), arc('ghost', 'a')]).order).toEqual(['a']);
  });
});

describe('findCycle', () => {
  test('returns the cycle in edge direction, starting at its smallest id', () => {
    expect(findCycle(['x', 'c', 'b', 'a'], [arc('x', 'c'), arc('c', 'a'), arc('a', 'b'), arc('b', 'c')])).toEqual(['a', 'b', 'c']);
  });

  test('finds a self-loop', () => {
    expect(findCycle(['a'], [arc('a', 'a')])).toEqual(['a']);
  });

  test('finds none in a DAG, diamonds included', () => {
    expect(findCycle(['a', 'b', 'c', 'd'], [arc('a', 'b'), arc('a', 'c'), arc('b', 'd'), arc('c', 'd')])).toBeUndefined();
  });
});
