import type { ErrorCategory, ErrorCode, PipewrightError } from '../../errors/index.js';

export interface ErrorMapping {
  status: number;
  type: ErrorType;
}

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'insufficient_credits_error'
  | 'permission_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'api_error';

/** The one mapping from an error's category to the HTTP status and error type a caller sees. */
const BY_CATEGORY: Readonly<Record<ErrorCategory, ErrorMapping>> = {
  invalid: { status: 400, type: 'invalid_request_error' },
  auth: { status: 401, type: 'authentication_error' },
  credits: { status: 402, type: 'insufficient_credits_error' },
  permission: { status: 403, type: 'permission_error' },
  not_found: { status: 404, type: 'invalid_request_error' },
  conflict: { status: 409, type: 'conflict_error' },
  rate_limited: { status: 429, type: 'rate_limit_error' },
  operational: { status: 503, type: 'api_error' },
  bug: { status: 500, type: 'api_error' },
};

/** Refusals of the request whose status says more than 400; their type stays invalid_request_error. */
const STATUS_BY_CODE: Readonly<Partial<Record<ErrorCode, number>>> = {
  method_not_allowed: 405,
  body_too_large: 413,
  unsupported_media_type: 415,
  invalid_graph: 422,
  idempotency_key_reused: 422,
};

export function httpMapping(error: Pick<PipewrightError, 'code' | 'category'>): ErrorMapping {
  const mapping = BY_CATEGORY[error.category];
  const status = STATUS_BY_CODE[error.code];
  return status === undefined ? mapping : { ...mapping, status };
}
