import { describe, expect, test } from 'vitest';
import { closestMatch, didYouMean } from '../../src/graph/suggest.js';

describe('closestMatch', () => {
  test('finds a typo', () => {
    expect(closestMatch('in-promt', ['in-prompt', 'in-image'])).toBe('in-prompt');
  });

  test('ignores case', () => {
    expect(closestMatch('Generate:Image', ['generate:image'])).toBe('generate:image');
  });

  test('matches a node type by its name alone', () => {
    expect(closestMatch('upscale', ['utility:upscale', 'utility:grid'])).toBe('utility:upscale');
  });

  test('suggests nothing for a different word', () => {
    expect(closestMatch('banana', ['in-prompt', 'in-image'])).toBeUndefined();
    expect(closestMatch('x', ['ab'])).toBeUndefined();
  });

  test('finds the one candidate an abbreviation stands for', () => {
    expect(closestMatch('aspect', ['aspect_ratio', 'steps'])).toBe('aspect_ratio');
    expect(closestMatch('asp', ['aspect_ratio', 'aspect_mode'])).toBeUndefined();
  });

  test('breaks ties by the smaller candidate, not by order', () => {
    expect(closestMatch('ab', ['ac', 'aa'])).toBe('aa');
    expect(closestMatch('ab', ['aa', 'ac'])).toBe('aa');
  });

  test('has nothing to say without candidates', () => {
    expect(closestMatch('a', [])).toBeUndefined();
  });
});

test('didYouMean words a suggestion and passes on none', () => {
  expect(didYouMean('in-image')).toBe('did you mean `in-image`?');
  expect(didYouMean(undefined)).toBeUndefined();
});
