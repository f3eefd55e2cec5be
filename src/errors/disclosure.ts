import { errorSpec } from './codes.js';
import { isPipewrightError, type PipewrightError } from './pipewright-error.js';

/** The codes that stand in for an error whose message stays in the process. */
export type WithheldCode = 'internal' | 'unavailable';

/**
 * The error when a caller may read its message, else undefined: a bug (or anything that is not a
 * PipewrightError) and an operational fault never show theirs, which may name files, hosts or
 * SQL — unless its code's messages are written for callers (`unavailable`, `internal`).
 */
export function publicError(error: unknown): PipewrightError | undefined {
  if (!isPipewrightError(error) || error.kind === 'bug') return undefined;
  if (error.kind === 'operational' && errorSpec(error.code).publicMessage !== true) return undefined;
  return error;
}

/** What a withheld error is reported as: a fault of the world is `unavailable`, anything else `internal`. */
export function withheldCode(error: unknown): WithheldCode {
  return isPipewrightError(error) && error.kind === 'operational' ? 'unavailable' : 'internal';
}

/** The `details` a caller may see beside the message; every other key stays in the process. */
export function exposedDetails(error: PipewrightError): Record<string, unknown> {
  const shown: Record<string, unknown> = {};
  for (const key of errorSpec(error.code).exposes ?? []) if (error.details[key] !== undefined) shown[key] = error.details[key];
  return shown;
}
