import { describe, expect, it } from 'vitest';
import { logicIf } from '../../../src/nodes/logic/if.js';
import { caught, runNode } from '../context.js';

const decide = (config: Record<string, unknown>, inputs: Record<string, unknown>) => runNode(logicIf, config, { inputs });

describe('logic:if', () => {
  it('returns only the taken output, carrying the value', async () => {
    expect(await decide({}, { value: 'go' })).toEqual({ true: 'go' });
    expect(await decide({}, { value: '' })).toEqual({ false: '' });
  });

  it('tests the condition input when it is set, and still passes the value', async () => {
    expect(await decide({}, { value: { big: 'payload' }, condition: false })).toEqual({ false: { big: 'payload' } });
    expect(await decide({ operator: 'falsy' }, { value: 1, condition: 'false' })).toEqual({ true: 1 });
  });

  it.each([
    [null, false],
    [0, false],
    [Number.NaN, false],
    ['  ', false],
    ['False', false],
    [[], false],
    [{}, false],
    ['no', true],
    [1, true],
    [[0], true],
    [{ a: 1 }, true],
  ])('truthy(%j) is %s', async (value, expected) => {
    expect(Object.keys(await decide({}, { value }))).toEqual([String(expected)]);
  });

  it.each([
    ['equals', 5, '5', true],
    ['equals', true, 'true', true],
    ['equals', 'cat', 'cat', true],
    ['equals', 'cat', 'Cat', false],
    ['not_equals', 'cat', 'dog', true],
    ['contains', 'cat', 'a black cat', true],
    ['contains', 2, [1, 2, 3], true],
    ['contains', 'x', ['a', 'b'], false],
    ['gt', 10, '11', true],
    ['gte', 10, 10, true],
    ['lt', 0.5, 0.7, false],
    ['lte', '3', 3, true],
    ['matches', '^a.*z$', 'abcz', true],
    ['matches', '^\\d+$', 'abc', false],
  ])('%s %j on %j is %s', async (operator, compareTo, condition, expected) => {
    expect(Object.keys(await decide({ operator, compareTo }, { value: 'v', condition }))).toEqual([String(expected)]);
  });

  it('fails with invalid_input when a number comparison meets a non-number', async () => {
    expect((await caught(decide({ operator: 'gt', compareTo: 1 }, { value: 'many' }))).code).toBe('invalid_input');
  });

  it('checks compareTo at validation', () => {
    expect(logicIf.config.safeParse({ operator: 'equals' }).success).toBe(false);
    expect(logicIf.config.safeParse({ operator: 'gt', compareTo: 'ten' }).success).toBe(false);
    expect(logicIf.config.safeParse({ operator: 'matches', compareTo: '(' }).success).toBe(false);
    expect(logicIf.config.safeParse({ operator: 'truthy' }).success).toBe(true);
  });

  it('runs a pattern that would backtrack for minutes in JavaScript in linear time', async () => {
    const started = performance.now();
    const text = `${'a'.repeat(100_000)}!`;
    expect(await decide({ operator: 'matches', compareTo: '^(a+)+$' }, { value: 'v', condition: text })).toEqual({ false: 'v' });
    expect(await decide({ operator: 'matches', compareTo: '(x+x+)+y' }, { value: 'v', condition: `${'x'.repeat(100_000)}y` })).toEqual({ true: 'v' });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(logicIf.config.safeParse({ operator: 'matches', compareTo: '^[a-z]+@[a-z]+\\.com$' }).success).toBe(true);
  });

  it.each([
    ['(a)\\1', 'backreferences such as \\1'],
    ['(?<n>a)\\k<n>', 'named backreferences'],
    ['a(?=b)', 'lookahead (?=…)'],
    ['a(?!b)', 'negative lookahead (?!…)'],
    ['(?<=a)b', 'lookbehind (?<=…)'],
    ['(?<!a)b', 'negative lookbehind (?<!…)'],
  ])('refuses %s at validation, naming the construct RE2 lacks', (compareTo, construct) => {
    const refused = logicIf.config.safeParse({ operator: 'matches', compareTo });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues).toMatchObject([{ path: ['compareTo'], message: expect.stringContaining(construct) }]);
  });

  it('takes those characters where they are plain text: escaped or in a class', () => {
    for (const compareTo of ['\\(\\?=', '[(?=]', '\\\\1']) expect(logicIf.config.safeParse({ operator: 'matches', compareTo }).success, compareTo).toBe(true);
  });
});
