import { z } from 'zod';

/*
 * Node ids, port names, config keys and output names come from users, and any of them may be
 * `__proto__`, `constructor` or `toString`. On a plain object those read the prototype and
 * `obj.__proto__ = x` replaces it, so a map keyed by user data is a Map, an object made by
 * `dict()`, or read with `ownValue()`: never `key in obj` nor `obj[key]` on a `{}`.
 */

/** An object with no prototype: every key, `__proto__` included, is an own property like any other. */
export function dict<T = unknown>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const result = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) result[key] = value;
  return result;
}

/** `record[key]` when it is the record's own property; a key the record only inherits is absent. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A JSON object keyed by user data (inputs by node id, a node's config, a webhook body), handed on
 * as sent. zod's record rebuilds the object and leaves out a `__proto__` key, so a node with that
 * id would lose its input without a word. JSON Schema still says "object".
 */
export function jsonObject(): z.ZodType<Record<string, unknown>> {
  return z
    .unknown()
    .refine(isJsonObject, { message: 'Invalid input: expected an object' })
    .meta({ type: 'object', propertyNames: { type: 'string' }, additionalProperties: {} }) as unknown as z.ZodType<Record<string, unknown>>;
}
