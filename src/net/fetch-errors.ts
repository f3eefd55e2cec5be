import { PipewrightError, isPipewrightError } from '../errors/index.js';

/** System and undici error codes after which the same request may well succeed. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Whether a system or undici error code names a failure after which the same request may well succeed. */
export function isTransientErrorCode(code: string): boolean {
  return TRANSIENT_CODES.has(code);
}

export interface FailureContext {
  host: string;
  timeoutMs: number;
  /** The policy timeout, told apart from the caller's signal so each gets its own error. */
  timeout: AbortSignal;
  callerSignal?: AbortSignal;
}

/** Turns whatever a fetch threw into the error its caller should see. */
export function fetchFailure(error: unknown, context: FailureContext): unknown {
  // The caller's abort (cancel, node timeout) is theirs to recognise: hand back their reason.
  if (context.callerSignal?.aborted) return context.callerSignal.reason;
  if (context.timeout.aborted) {
    return new PipewrightError('fetch_timeout', `No complete response from ${context.host} within ${context.timeoutMs} ms`, {
      details: { host: context.host, timeoutMs: context.timeoutMs },
    });
  }
  const own = findInChain(error, isPipewrightError);
  if (own) return own;
  const code = findInChain(error, hasCode)?.code;
  if (code === 'ENOTFOUND') {
    return new PipewrightError('host_not_found', `Could not resolve host ${context.host}`, { cause: error, details: { host: context.host } });
  }
  if (code === 'UND_ERR_INVALID_ARG') {
    return new PipewrightError('invalid_request', `The request to ${context.host} is malformed: ${messageOf(error)}`, { cause: error });
  }
  return new PipewrightError('network_error', `Network error talking to ${context.host}${code ? ` (${code})` : ''}`, {
    transient: code === undefined || TRANSIENT_CODES.has(code),
    cause: error,
    details: { host: context.host, ...(code ? { errorCode: code } : {}) },
  });
}

function findInChain<T>(error: unknown, test: (value: unknown) => value is T): T | undefined {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    if (test(current)) return current;
    current = current instanceof Error ? current.cause : undefined;
  }
  return undefined;
}

function hasCode(value: unknown): value is { code: string } {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'string';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
