import { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';

export type PathSegment = string | number;

// One segment: `.name` (or `name` first), `[0]`, or `["key with.dots"]`.
const SEGMENT = /(?:^|\.)([^.[\]]+)|\[(\d+)\]|\[(["'])(.*?)\3\]/y;

/** Parses `data.items[0].url` (a leading `$` as in JSONPath is allowed); undefined when malformed. */
export function parsePath(path: string): PathSegment[] | undefined {
  const body = path.replace(/^\$(?=[.[]|$)/, '');
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < body.length) {
    const start = SEGMENT.lastIndex;
    const match = SEGMENT.exec(body);
    if (!match || SEGMENT.lastIndex === start) return undefined;
    const [, name, index, , quoted] = match;
    segments.push(index !== undefined ? Number(index) : (name ?? quoted ?? ''));
  }
  return segments.length > 0 ? segments : undefined;
}

/** A path setting, checked when the workflow is validated rather than when it runs. */
export const JsonPathSchema = z
  .string()
  .min(1)
  .refine((path) => parsePath(path) !== undefined, 'expected a path like data.items[0].url');

export type Lookup = { found: true; value: unknown } | { found: false; reached: string };

/**
 * Follows a path through objects and arrays. Only own properties count, so `constructor` or
 * `__proto__` never reach into the prototype. A digit name indexes an array (`items.0`).
 */
export function lookupPath(root: unknown, segments: readonly PathSegment[]): Lookup {
  let value = root;
  let reached = '';
  for (const segment of segments) {
    const next = step(value, segment);
    if (!next.found) return { found: false, reached: reached || '(root)' };
    value = next.value;
    reached += typeof segment === 'number' ? `[${segment}]` : reached ? `.${segment}` : segment;
  }
  return { found: true, value };
}

/** The value at `path`, or a user error `path_not_found` naming the path and how far it got. */
export function readPath(root: unknown, path: string): unknown {
  const segments = parsePath(path);
  if (!segments) throw new PipewrightError('invalid_path', `Not a valid path: ${path}`, { details: { path } });
  const result = lookupPath(root, segments);
  if (result.found) return result.value;
  throw new PipewrightError('path_not_found', `Nothing at path ${path} (found up to ${result.reached})`, {
    details: { path, reached: result.reached },
  });
}

function step(value: unknown, segment: PathSegment): { found: true; value: unknown } | { found: false } {
  if (Array.isArray(value)) {
    const index = typeof segment === 'number' ? segment : /^\d+$/.test(segment) ? Number(segment) : -1;
    return index >= 0 && index < value.length ? { found: true, value: value[index] } : { found: false };
  }
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, segment)) {
    return { found: true, value: (value as Record<string, unknown>)[String(segment)] };
  }
  return { found: false };
}
