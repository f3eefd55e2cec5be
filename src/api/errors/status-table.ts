/**
 * The one table from error code to HTTP status and error type (CONTRACT §3 "Errors"). A code
 * not listed here is a caller's mistake (400) when the error is the user's, and a 500/503
 * otherwise (see error-handler.ts). `expose` names the `details` keys copied beside `error`
 * in the body; nothing else from `details` ever leaves the process.
 */
export interface ErrorMapping {
  status: number;
  type: ErrorType;
  expose?: readonly string[];
}

export type ErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'insufficient_credits_error'
  | 'permission_error'
  | 'conflict_error'
  | 'rate_limit_error'
  | 'api_error';

const invalid = (status: number, expose?: readonly string[]): ErrorMapping => ({ status, type: 'invalid_request_error', ...(expose ? { expose } : {}) });
const auth: ErrorMapping = { status: 401, type: 'authentication_error' };
const conflict: ErrorMapping = { status: 409, type: 'conflict_error' };

export const STATUS_TABLE: Readonly<Record<string, ErrorMapping>> = {
  invalid_json: invalid(400),
  json_too_deep: invalid(400),
  invalid_body: invalid(400, ['issues']),
  invalid_field: invalid(400, ['field']),
  workflow_inactive: invalid(400),
  idempotency_key_invalid: invalid(400),
  // Starting an execution: inputs for nodes that are not there or not inputs, values of the wrong
  // type, a targetNodeId outside the graph, a model whose provider has no credentials here.
  unknown_input: invalid(400, ['nodeId', 'inputNodes']),
  not_an_input: invalid(400, ['nodeId', 'inputNodes']),
  invalid_input: invalid(400, ['nodeId', 'expected']),
  unknown_node: invalid(400, ['targetNodeId']),
  provider_not_configured: invalid(400, ['providers', 'nodes']),
  missing_api_key: auth,
  invalid_api_key: auth,
  expired_api_key: auth,
  insufficient_credits: {
    status: 402,
    type: 'insufficient_credits_error',
    expose: ['insufficientCredits', 'requiredCredits', 'availableCredits', 'breakdown'],
  },
  missing_scope: { status: 403, type: 'permission_error', expose: ['requiredScope'] },
  // A keyless artifact URL whose signature this server did not make, or whose time has passed.
  invalid_signature: { status: 403, type: 'permission_error' },
  expired_signature: { status: 403, type: 'permission_error' },
  not_found: invalid(404),
  method_not_allowed: invalid(405),
  stale_write: { ...conflict, expose: ['currentUpdatedAt', 'yourBaseUpdatedAt'] },
  idempotency_key_in_use: conflict,
  not_cancellable: conflict,
  not_retryable: conflict,
  body_too_large: invalid(413),
  unsupported_media_type: invalid(415),
  invalid_graph: invalid(422, ['violations', 'warnings']),
  idempotency_key_reused: invalid(422),
  rate_limited: { status: 429, type: 'rate_limit_error', expose: ['retryAfter'] },
  internal: { status: 500, type: 'api_error' },
  unavailable: { status: 503, type: 'api_error' },
};

export function mappingFor(code: string): ErrorMapping | undefined {
  return Object.hasOwn(STATUS_TABLE, code) ? STATUS_TABLE[code] : undefined;
}
