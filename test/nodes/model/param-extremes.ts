import { z } from 'zod';

type Schema = Record<string, unknown>;

/** One settings object to try: `label` names the param and the value. */
export interface ParamCase {
  label: string;
  params: Record<string, unknown>;
}

/**
 * The documented extremes of an entry's params, read from its own zod schema (through
 * `z.toJSONSchema`): for each param, its minimum and maximum, each enum value and each boolean, and
 * for an `{width, height}`-style object every numeric field at its bounds together. One param is
 * set per case; the rest keep their defaults.
 */
export function extremeCases(params: z.ZodType): ParamCase[] {
  return Object.entries(propertiesOf(params)).flatMap(([key, schema]) =>
    valuesOf(schema).map((value) => ({ label: `${key}=${JSON.stringify(value)}`, params: { [key]: value } })),
  );
}

/** Values just outside each documented range or enum, one param per case: our own validation must refuse each. */
export function outsideCases(params: z.ZodType): ParamCase[] {
  return Object.entries(propertiesOf(params)).flatMap(([key, schema]) =>
    outsideValuesOf(schema).map((value) => ({ label: `${key}=${JSON.stringify(value).slice(0, 80)}`, params: { [key]: value } })),
  );
}

function propertiesOf(params: z.ZodType): Record<string, Schema> {
  const json = z.toJSONSchema(params, { io: 'input', unrepresentable: 'any' }) as Schema;
  return (json.properties ?? {}) as Record<string, Schema>;
}

function valuesOf(schema: Schema): unknown[] {
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices !== undefined) return choices.flatMap(valuesOf);
  if (Array.isArray(schema.enum)) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  if (schema.type === 'boolean') return [true, false];
  if (schema.type === 'integer' || schema.type === 'number') return bounds(schema);
  if (schema.type === 'object' && schema.properties !== undefined) return objectBounds(schema.properties as Record<string, Schema>);
  return [];
}

function bounds(schema: Schema): number[] {
  const step = schema.type === 'integer' ? 1 : 0.001;
  const low = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + step : undefined;
  const high = typeof schema.maximum === 'number' ? schema.maximum : typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - step : undefined;
  return [...new Set([low, high].filter((value): value is number => value !== undefined && Number.isSafeInteger(Math.round(value))))];
}

/** `{width, height}` at both fields' minimum, then at both fields' maximum. */
function objectBounds(properties: Record<string, Schema>): Record<string, number>[] {
  const numeric = Object.entries(properties).filter(([, field]) => field.type === 'integer' || field.type === 'number');
  if (numeric.length === 0) return [];
  const at = (end: 0 | 1) => Object.fromEntries(numeric.map(([name, field]) => [name, bounds(field).at(end === 0 ? 0 : -1)]));
  return [at(0), at(1)].filter((value) => Object.values(value).every((field) => field !== undefined)) as Record<string, number>[];
}

/**
 * Values just outside one schema: each branch of an `anyOf` (a nullable number's number, a named size's
 * `{width, height}`), each field of an object (the others at a valid value), an array's item, a string
 * past its length or off its pattern, a number past its bounds, a word no enum lists.
 */
function outsideValuesOf(schema: Schema): unknown[] {
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices !== undefined) return choices.flatMap(outsideValuesOf);
  if (Array.isArray(schema.enum)) return ['not-a-documented-value'];
  if (schema.type === 'object' && schema.properties !== undefined) return outsideObjects(schema);
  if (schema.type === 'array' && schema.items !== undefined) return outsideItems(schema);
  if (schema.type === 'string') return outsideStrings(schema);
  if (schema.type !== 'integer' && schema.type !== 'number') return [];
  const step = schema.type === 'integer' ? 1 : 0.001;
  const below = typeof schema.minimum === 'number' ? [schema.minimum - step] : typeof schema.exclusiveMinimum === 'number' ? [schema.exclusiveMinimum] : [];
  const above = typeof schema.maximum === 'number' ? [schema.maximum + step] : typeof schema.exclusiveMaximum === 'number' ? [schema.exclusiveMaximum] : [];
  return [...below, ...above].filter((value) => Number.isSafeInteger(Math.round(value)));
}

/** One field just outside per case, every required field otherwise at its first documented value. */
function outsideObjects(schema: Schema): Record<string, unknown>[] {
  const properties = schema.properties as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  const valid = required.map((name) => [name, valuesOf(properties[name] ?? {})[0]] as const);
  // Without a valid value for some required field the object would be refused for that, not for the value tried.
  if (valid.some(([, value]) => value === undefined)) return [];
  return Object.entries(properties).flatMap(([name, field]) => outsideValuesOf(field).map((value) => ({ ...Object.fromEntries(valid), [name]: value })));
}

/** A one-item list whose item is just outside, where one item is a valid count. */
function outsideItems(schema: Schema): unknown[][] {
  const fewest = typeof schema.minItems === 'number' ? schema.minItems : 0;
  return fewest <= 1 ? outsideValuesOf(schema.items as Schema).map((item) => [item]) : [];
}

function outsideStrings(schema: Schema): string[] {
  const tooLong = typeof schema.maxLength === 'number' ? ['x'.repeat(schema.maxLength + 1)] : [];
  const tooShort = typeof schema.minLength === 'number' && schema.minLength > 0 ? [''] : [];
  const offPattern = typeof schema.pattern === 'string' ? ['', '!?'].filter((value) => !new RegExp(schema.pattern as string).test(value)).slice(0, 1) : [];
  return [...tooLong, ...tooShort, ...offPattern];
}
