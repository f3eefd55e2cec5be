import { PipewrightError } from '../errors/index.js';

/** `--input node=value` pairs, collected by commander. Values stay strings: input nodes coerce. */
export function collectInput(pair: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = pair.indexOf('=');
  if (at <= 0) {
    throw new PipewrightError('invalid_input', `--input expects node=value, got "${pair}"`);
  }
  return { ...previous, [pair.slice(0, at)]: pair.slice(at + 1) };
}
