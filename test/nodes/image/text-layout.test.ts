import { describe, expect, it } from 'vitest';
import { limitLines, textWidth, wrapText } from '../../../src/nodes/image/text-layout.js';

describe('wrapText', () => {
  it('breaks at spaces so no line is wider than the limit', () => {
    const lines = wrapText('the quick brown fox jumps over the lazy dog again and again', 200, 20);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(textWidth(line, 20)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe('the quick brown fox jumps over the lazy dog again and again');
  });

  it('keeps line breaks and splits a word too long for a line', () => {
    expect(wrapText('one\ntwo', 1000, 10)).toEqual(['one', 'two']);
    const pieces = wrapText('x'.repeat(50), 100, 10);
    expect(pieces.join('')).toBe('x'.repeat(50));
    for (const piece of pieces) expect(textWidth(piece, 10)).toBeLessThanOrEqual(100);
  });
});

describe('limitLines', () => {
  it('keeps what fits and ends with an ellipsis', () => {
    expect(limitLines(['a', 'b', 'c'], 2, 100, 10)).toEqual(['a', 'b…']);
    expect(limitLines(['a', 'b'], 5, 100, 10)).toEqual(['a', 'b']);
  });
});
