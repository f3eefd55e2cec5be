import { describe, expect, it } from 'vitest';
import { formatTextPath, illFormedTextAt } from '../../src/graph/index.js';

describe('illFormedTextAt', () => {
  it('finds a lone surrogate in a value or a key, at any depth', () => {
    expect(illFormedTextAt('\ud800')).toEqual([]);
    expect(illFormedTextAt({ a: [1, { b: 'x\udc00' }] })).toEqual(['a', 1, 'b']);
    expect(illFormedTextAt({ ok: 'fine', 'k\ud83d': 1 })).toEqual(['k\ud83d']);
    expect(illFormedTextAt(JSON.parse('{"__proto__":"\\ud800"}'))).toEqual(['__proto__']);
  });

  it('passes whole text, surrogate pairs included', () => {
    for (const value of ['😀', '\ud83d\ude00', 'a\u2028b', { '😀': ['𝄞'] }, null, 3, true, []]) expect(illFormedTextAt(value)).toBeUndefined();
  });

  it('names paths as a reader writes them', () => {
    expect(formatTextPath(['nodes', 0, 'data', 'label'])).toBe('nodes[0].data.label');
    expect(formatTextPath(['inputs', 'a b'])).toBe('inputs["a b"]');
    expect(formatTextPath(['k\ud83d'])).toBe('["k\\ud83d"]');
    expect(formatTextPath([])).toBe('(the body)');
  });
});
