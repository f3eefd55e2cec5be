import type { z } from 'zod';
import { providerSchema } from '../schemas/index.js';
import { type FileUrl, sampleOutput } from './sample-output.js';

export interface FalEndpoint {
  /** The endpoint's published input schema, strict (test/providers/schemas/README.md). */
  input: z.ZodType;
  /** A result for a valid input, its files served at `fileUrl`. */
  output(input: Record<string, unknown>, fileUrl: FileUrl): unknown;
}

/** The fal endpoints the stand-in knows: every one with a stored schema (test/providers/schemas/fal/). */
export function falEndpoint(endpoint: string): FalEndpoint | undefined {
  const schema = providerSchema('fal', endpoint);
  if (schema === undefined) return undefined;
  return { input: schema.input, output: (input, fileUrl) => sampleOutput(schema.json.output, input, fileUrl) };
}

type Loc = (string | number)[];
export interface FalProblem {
  loc: Loc;
  msg: string;
  type: string;
}

/** pydantic's names for the problems zod reports, as fal's 422 spells them (https://docs.pydantic.dev/latest/errors/validation_errors/). */
const PYDANTIC_TYPES: Readonly<Record<string, string>> = {
  too_big: 'less_than_equal',
  too_small: 'greater_than_equal',
  invalid_value: 'literal_error',
  invalid_union: 'union_error',
};

/** fal's 422 body: pydantic's `{detail: [{loc, msg, type}]}`, one entry per problem, an unknown key as `extra_forbidden`. */
export function falValidationDetail(error: z.ZodError): FalProblem[] {
  return error.issues.flatMap((issue) => {
    const loc: Loc = ['body', ...issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part))];
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => ({ loc: [...loc, key], msg: 'Extra inputs are not permitted', type: 'extra_forbidden' }));
    const type =
      issue.code === 'invalid_type' ? (issue.input === undefined ? 'missing' : `${issue.expected}_type`) : (PYDANTIC_TYPES[issue.code] ?? issue.code);
    return [{ loc, msg: issue.code === 'invalid_type' && issue.input === undefined ? 'Field required' : issue.message, type }];
  });
}
