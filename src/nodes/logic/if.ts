import { z } from 'zod';
import { asNumber } from '../support/coerce.js';
import { defineNodeType } from '../node-type.js';
import { NUMERIC_OPERATORS, OPERATORS, evaluate } from './conditions.js';
import { patternProblem } from './user-pattern.js';

const settings = z
  .strictObject({
    operator: z
      .enum(OPERATORS)
      .default('truthy')
      .describe(
        'The test: truthy, falsy, equals, not_equals, contains, gt, gte, lt, lte, or matches (a regular expression, RE2 syntax: no backreferences or lookaround).',
      ),
    compareTo: z.union([z.string(), z.number(), z.boolean()]).optional().describe('What the operators other than truthy/falsy compare against.'),
  })
  .superRefine(({ operator, compareTo }, issues) => {
    const problem = compareToProblem(operator, compareTo);
    if (problem) issues.addIssue({ code: 'custom', message: problem, path: ['compareTo'] });
  });

export const logicIf = defineNodeType({
  nodeType: 'logic:if',
  label: 'If',
  category: 'logic',
  description:
    'Sends its value down the true or the false output depending on a test; nodes on the branch not taken are skipped. ' +
    'The test reads the condition input when it is wired or set, otherwise the value itself.',
  config: settings,
  inputs: [
    { name: 'value', type: 'any', required: true, description: 'What is passed on, to one output or the other.' },
    { name: 'condition', type: 'any', description: 'What is tested, when it differs from the value.' },
  ],
  outputs: [
    { name: 'true', type: 'any', description: 'The value, when the test passes.' },
    { name: 'false', type: 'any', description: 'The value, when it fails.' },
  ],
  cost: () => 0,
  timeoutMs: 5_000,
  // Only the taken output is returned: the engine skips whatever hangs off the other one.
  async run({ settings, inputs }) {
    const tested = inputs.condition !== undefined ? inputs.condition : inputs.value;
    return { [String(evaluate(settings.operator, tested, settings.compareTo))]: inputs.value };
  },
});

function compareToProblem(operator: (typeof OPERATORS)[number], compareTo: string | number | boolean | undefined): string | undefined {
  if (operator === 'truthy' || operator === 'falsy') return undefined;
  if (compareTo === undefined) return `operator ${operator} needs compareTo`;
  if (NUMERIC_OPERATORS.has(operator) && asNumber(compareTo) === undefined) return `operator ${operator} needs a numeric compareTo`;
  if (operator === 'matches') return patternProblem(String(compareTo));
  return undefined;
}
