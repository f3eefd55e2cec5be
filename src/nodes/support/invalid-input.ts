import { PipewrightError } from '../../errors/index.js';

/** A value the node cannot work with; the user fixes the input or the setting named in the message. */
export function invalidInput(message: string, details: Record<string, unknown> = {}): PipewrightError {
  return new PipewrightError('invalid_input', message, { details });
}

/** A short, safe rendering of a value for an error message. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
