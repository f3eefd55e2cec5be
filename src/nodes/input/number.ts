import { z } from 'zod';
import { toNumber } from '../support/coerce.js';
import { invalidInput } from '../support/invalid-input.js';
import { defineNodeType } from '../node-type.js';

const settings = z
  .strictObject({
    value: z.number().optional().describe('The number this node provides; a run-time input replaces it.'),
    min: z.number().optional().describe('Smallest accepted value, inclusive.'),
    max: z.number().optional().describe('Largest accepted value, inclusive.'),
  })
  .refine((s) => s.min === undefined || s.max === undefined || s.min <= s.max, { message: 'min must not exceed max', path: ['min'] })
  .refine((s) => s.value === undefined || outOfRange(s.value, s) === undefined, { message: 'value is outside min..max', path: ['value'] });

export const inputNumber = defineNodeType({
  nodeType: 'input:number',
  label: 'Number input',
  category: 'input',
  description: 'A number — a count, a seed, a strength — set in the workflow or supplied when it runs, optionally bounded by min and max.',
  config: settings,
  inputKey: 'value',
  inputs: [],
  outputs: [{ name: 'value', type: 'number', description: 'The number.' }],
  cost: () => 0,
  timeoutMs: 5_000,
  async run({ settings }) {
    // A run-time input lands in settings.value as sent, e.g. "42" from the CLI.
    const raw: unknown = settings.value;
    if (raw === undefined) throw invalidInput('The number input has no value: set value or pass one when running');
    const value = toNumber(raw, 'The number input');
    const problem = outOfRange(value, settings);
    if (problem) throw invalidInput(`The number input ${problem}`, { value, min: settings.min, max: settings.max });
    return { value };
  },
});

function outOfRange(value: number, { min, max }: { min?: number; max?: number }): string | undefined {
  if (min !== undefined && value < min) return `is ${value}, below the minimum ${min}`;
  if (max !== undefined && value > max) return `is ${value}, above the maximum ${max}`;
  return undefined;
}
