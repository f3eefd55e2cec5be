import type { z } from 'zod';

/**
 * Replicate's 422 for a prediction whose input its version's schema refuses, in the shape its API
 * answers (RFC 7807 problem details plus `invalid_fields`): `{detail: "- input.x: …\n", status: 422,
 * title: "Input validation failed", invalid_fields: [{type, field, description}]}`, one line and one
 * field per problem. The type names (`required`, `enum`, `number_lte`, `additional_property_not_allowed`)
 * are the ones Replicate's own answers carry.
 */
export interface ReplicateProblem {
  title: string;
  detail: string;
  status: 422;
  invalid_fields?: { type: string; field: string; description: string }[];
}

export function inputProblem(error: z.ZodError): ReplicateProblem {
  const fields = error.issues.flatMap(invalidFields);
  return {
    detail: fields.map(({ field, description }) => `- ${field}: ${description}\n`).join(''),
    status: 422,
    title: 'Input validation failed',
    invalid_fields: fields,
  };
}

/** A body without `version` or `input`: the same shape, about the body itself (field ""). */
export function bodyProblem(missing: string[]): ReplicateProblem {
  const fields = missing.map((key) => ({ type: 'required', field: '', description: `${key} is required` }));
  return { detail: fields.map(({ description }) => `- ${description}\n`).join(''), status: 422, title: 'Input validation failed', invalid_fields: fields };
}

/** What Replicate answers for a version (or `owner/name`) it does not know. */
export const UNKNOWN_VERSION: ReplicateProblem = {
  title: 'Invalid version or not permitted',
  detail: "The specified version does not exist (or perhaps you don't have permission to use it?)",
  status: 422,
};

function invalidFields(issue: z.core.$ZodIssue): { type: string; field: string; description: string }[] {
  const path = issue.path.map(String);
  const at = (parts: string[]) => ['input', ...parts].join('.');
  const key = path.at(-1) ?? 'input';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((extra) => ({
        type: 'additional_property_not_allowed',
        field: at(path),
        description: `Additional property ${extra} is not allowed`,
      }));
    case 'invalid_type':
      if (issue.input === undefined) return [{ type: 'required', field: at(path.slice(0, -1)), description: `${key} is required` }];
      return [{ type: 'invalid_type', field: at(path), description: `Invalid type. Expected: ${issue.expected}, given: ${typeof issue.input}` }];
    case 'invalid_value':
      return [
        { type: 'enum', field: at(path), description: `${key} must be one of the following: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}` },
      ];
    case 'too_big':
      return [{ type: 'number_lte', field: at(path), description: `Must be less than or equal to ${issue.maximum}` }];
    case 'too_small':
      return [{ type: 'number_gte', field: at(path), description: `Must be greater than or equal to ${issue.minimum}` }];
    default:
      return [{ type: issue.code, field: at(path), description: issue.message }];
  }
}
