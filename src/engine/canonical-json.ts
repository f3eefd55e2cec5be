import { dict } from '../graph/index.js';

/** JSON with object keys sorted, so equal values hash equally whatever order they were built in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val === null || typeof val !== 'object' || Array.isArray(val)) return val;
    return dict(
      Object.keys(val)
        .sort()
        .map((key) => [key, (val as Record<string, unknown>)[key]]),
    );
  });
}
