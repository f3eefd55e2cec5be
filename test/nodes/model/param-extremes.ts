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
    outsideValuesOf(schema).map((value) => ({ label: `${key}=${JSON.stringify(value)}`, params: { [key]: value } })),
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

function outsideValuesOf(schema: Schema): unknown[] {
  if (schema.anyOf !== undefined || schema.oneOf !== undefined) return [];
  if (Array.isArray(schema.enum)) return ['not-a-documented-value'];
  if (schema.type !== 'integer' && schema.type !== 'number') return [];
  const step = schema.type === 'integer' ? 1 : 0.001;
  const below = typeof schema.minimum === 'number' ? [schema.minimum - step] : typeof schema.exclusiveMinimum === 'number' ? [schema.exclusiveMinimum] : [];
  const above = typeof schema.maximum === 'number' ? [schema.maximum + step] : typeof schema.exclusiveMaximum === 'number' ? [schema.exclusiveMaximum] : [];
  return [...below, ...above].filter((value) => Number.isSafeInteger(Math.round(value)));
}
