import { PipewrightError } from '../../errors/index.js';

/** The media reference on an input port: a non-empty string, else a user error naming the port. */
export function requireMediaRef(value: unknown, port: string): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new PipewrightError('missing_input', `No ${port} given: it takes a URL, a data URI or a file path`, {
    details: { port },
  });
}
