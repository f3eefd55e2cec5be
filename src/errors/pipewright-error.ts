import { type ErrorCategory, type ErrorKind, kindOf } from './category.js';
import { type ErrorCode, errorSpec } from './codes.js';

export interface PipewrightErrorOptions {
  /** Whether trying the same thing again may succeed; the code's default when not given. */
  transient?: boolean;
  details?: Record<string, unknown>;
  cause?: unknown;
}

/**
 * The one error type. Branch on `code`, never on `message`. The code decides the category and
 * so the kind (ERROR_CODES); a throw site says only what happened.
 */
export class PipewrightError extends Error {
  override readonly name = 'PipewrightError';
  readonly code: ErrorCode;
  readonly category: ErrorCategory;
  readonly kind: ErrorKind;
  readonly transient: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, options: PipewrightErrorOptions = {}) {
    const spec = errorSpec(code);
    super(message ?? spec.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.category = spec.category;
    this.kind = kindOf(spec.category);
    this.transient = options.transient ?? spec.transient ?? false;
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
