import { asBoolean, asNumber, asText, toNumber } from '../support/coerce.js';
import { matchesPattern } from './user-pattern.js';

export const OPERATORS = ['truthy', 'falsy', 'equals', 'not_equals', 'contains', 'gt', 'gte', 'lt', 'lte', 'matches'] as const;
export type Operator = (typeof OPERATORS)[number];
export type Comparand = string | number | boolean;

export const NUMERIC_OPERATORS: ReadonlySet<Operator> = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * Text ports carry booleans as "true"/"false", so the text "false" is falsy; so are missing
 * values, null, false, 0, blank text, and empty lists and objects.
 */
function isTruthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || Number.isNaN(value)) return false;
  if (typeof value === 'string') return value.trim() !== '' && value.trim().toLowerCase() !== 'false';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Compares as the type of `compareTo`: 5 equals "5" when compareTo is a number, "true" equals true. */
function matchesValue(value: unknown, compareTo: Comparand): boolean {
  if (typeof compareTo === 'number') return asNumber(value) === compareTo;
  if (typeof compareTo === 'boolean') return asBoolean(value) === compareTo;
  return asText(value) === compareTo;
}

/** `compareTo` is present and well-formed for `operator`: the settings schema checks that first. */
export function evaluate(operator: Operator, value: unknown, compareTo: Comparand | undefined): boolean {
  const other = compareTo as Comparand;
  switch (operator) {
    case 'truthy':
      return isTruthy(value);
    case 'falsy':
      return !isTruthy(value);
    case 'equals':
      return matchesValue(value, other);
    case 'not_equals':
      return !matchesValue(value, other);
    case 'contains':
      return Array.isArray(value) ? value.some((item) => matchesValue(item, other)) : (asText(value) ?? '').includes(String(other));
    case 'matches':
      return matchesPattern(String(other), asText(value) ?? '');
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compareNumbers(operator, toNumber(value, 'The compared value'), toNumber(other, 'compareTo'));
  }
}

function compareNumbers(operator: 'gt' | 'gte' | 'lt' | 'lte', a: number, b: number): boolean {
  return operator === 'gt' ? a > b : operator === 'gte' ? a >= b : operator === 'lt' ? a < b : a <= b;
}
