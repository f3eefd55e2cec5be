import { invalidInput, preview } from './invalid-input.js';

/**
 * Run-time values arrive loosely typed: the CLI passes `--input n=42` as text, and an upstream
 * `any` port carries whatever it got. These read them as the type a node needs.
 * `as*` answer undefined when the value does not fit; `to*` throw `invalid_input` naming `what`.
 */

export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function asBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return word === 'true' ? true : word === 'false' ? false : undefined;
}

/** Text as a prompt would show it: scalars as written, lists and objects as JSON. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === undefined || value === null) return undefined;
  return JSON.stringify(value);
}

export function toNumber(value: unknown, what: string): number {
  const number = asNumber(value);
  if (number === undefined) throw invalidInput(`${what} must be a number, got ${preview(value)}`);
  return number;
}

export function toBoolean(value: unknown, what: string): boolean {
  const boolean = asBoolean(value);
  if (boolean === undefined) throw invalidInput(`${what} must be true or false, got ${preview(value)}`);
  return boolean;
}

export function toText(value: unknown, what: string): string {
  const text = asText(value);
  if (text === undefined) throw invalidInput(`${what} has no value`);
  return text;
}

export function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw invalidInput(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}
