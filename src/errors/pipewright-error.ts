/**
 * Who is to blame decides what a face does with an error: a `user` error is reported with its
 * message (the caller can fix it), an `operational` one is a fault of the world (network,
 * provider, disk) and a `bug` is ours — its message never leaves the process.
 */
export type ErrorKind = 'user' | 'operational' | 'bug';

export interface PipewrightErrorOptions {
  kind?: ErrorKind;
  /** Whether trying the same thing again may succeed (network, timeout, 429, 5xx). */
  transient?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one error type. Branch on `code`, never on `message`. */
export class PipewrightError extends Error {
  override readonly name = 'PipewrightError';
  readonly code: string;
  readonly kind: ErrorKind;
  readonly transient: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: string, message: string, options: PipewrightErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.kind = options.kind ?? 'user';
    this.transient = options.transient ?? false;
    this.details = options.details ?? {};
  }

  toJSON(): { code: string; message: string; details?: Record<string, unknown> } {
    return Object.keys(this.details).length === 0
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export function isPipewrightError(value: unknown): value is PipewrightError {
  return value instanceof PipewrightError;
}
