import { describe, expect, it } from 'vitest';
import { inputBoolean } from '../../../src/nodes/input/boolean.js';
import { inputJson } from '../../../src/nodes/input/json.js';
import { inputNumber } from '../../../src/nodes/input/number.js';
import { inputSelect } from '../../../src/nodes/input/select.js';
import { inputText } from '../../../src/nodes/input/text.js';
import type { NodeType } from '../../../src/nodes/node-type.js';
import { caught, makeContext, runNode } from '../context.js';

/** The engine writes a run-time input into settings[inputKey] as sent, after parsing. */
function runWithInput(type: NodeType, config: Record<string, unknown>, input: unknown): Promise<Record<string, unknown>> {
  const settings = { ...type.config.parse(config), [type.inputKey as string]: input };
  return type.run(makeContext({ settings }));
}

describe('input:text', () => {
  it('outputs the prompt on both prompt and text', async () => {
    expect(await runNode(inputText, { prompt: 'a red sneaker' })).toEqual({ prompt: 'a red sneaker', text: 'a red sneaker' });
  });

  it('defaults to empty text and takes a run-time input', async () => {
    expect(await runNode(inputText, {})).toEqual({ prompt: '', text: '' });
    expect(await runWithInput(inputText, {}, 42)).toEqual({ prompt: '42', text: '42' });
  });
});

describe('input:number', () => {
  it('outputs the configured number', async () => {
    expect(await runNode(inputNumber, { value: 3.5 })).toEqual({ value: 3.5 });
  });

  it('accepts a run-time string that reads as a number', async () => {
    expect(await runWithInput(inputNumber, { value: 1 }, ' 42 ')).toEqual({ value: 42 });
  });

  it.each([['abc'], [''], [{}]])('refuses %j as invalid_input', async (input) => {
    expect(await caught(runWithInput(inputNumber, {}, input))).toMatchObject({ code: 'invalid_input', kind: 'user' });
  });

  it('refuses a run-time value outside min..max', async () => {
    const error = await caught(runWithInput(inputNumber, { min: 1, max: 10 }, '11'));
    expect(error).toMatchObject({ code: 'invalid_input', details: { value: 11, max: 10 } });
    expect(error.message).toContain('above the maximum 10');
  });

  it('fails without any value', async () => {
    expect((await caught(runNode(inputNumber, {}))).code).toBe('invalid_input');
  });

  it('rejects inconsistent settings at validation', () => {
    expect(inputNumber.config.safeParse({ value: 5, min: 10 }).success).toBe(false);
    expect(inputNumber.config.safeParse({ min: 10, max: 1 }).success).toBe(false);
    expect(inputNumber.config.safeParse({ value: 5, extra: 1 }).success).toBe(false);
  });
});

describe('input:boolean', () => {
  it('outputs the configured value, false by default', async () => {
    expect(await runNode(inputBoolean, { value: true })).toEqual({ value: true });
    expect(await runNode(inputBoolean, {})).toEqual({ value: false });
  });

  it('accepts "true" and "false" at run time and refuses other text', async () => {
    expect(await runWithInput(inputBoolean, {}, 'TRUE')).toEqual({ value: true });
    expect(await runWithInput(inputBoolean, {}, 'false')).toEqual({ value: false });
    expect((await caught(runWithInput(inputBoolean, {}, 'maybe'))).code).toBe('invalid_input');
  });
});

describe('input:select', () => {
  const options = ['photo', 'sketch', 'oil'];

  it('defaults to the first option', async () => {
    expect(await runNode(inputSelect, { options })).toEqual({ value: 'photo' });
  });

  it('takes a run-time choice among the options and refuses others', async () => {
    expect(await runWithInput(inputSelect, { options }, 'oil')).toEqual({ value: 'oil' });
    const error = await caught(runWithInput(inputSelect, { options }, 'watercolour'));
    expect(error).toMatchObject({ code: 'invalid_input', details: { options } });
  });

  it('rejects a configured value that is not an option, and an empty option list', () => {
    expect(inputSelect.config.safeParse({ options, value: 'x' }).success).toBe(false);
    expect(inputSelect.config.safeParse({ options: [] }).success).toBe(false);
  });
});

describe('input:json', () => {
  it('passes structured values through', async () => {
    expect(await runNode(inputJson, { value: { a: [1, 2] } })).toEqual({ value: { a: [1, 2] } });
  });

  it('parses text as JSON', async () => {
    expect(await runWithInput(inputJson, {}, '{"n": 1}')).toEqual({ value: { n: 1 } });
    expect(await runWithInput(inputJson, {}, '"just text"')).toEqual({ value: 'just text' });
  });

  it('refuses text that is not JSON, and a missing value', async () => {
    expect((await caught(runWithInput(inputJson, {}, '{oops'))).code).toBe('invalid_input');
    expect((await caught(runNode(inputJson, {}))).code).toBe('invalid_input');
  });
});
