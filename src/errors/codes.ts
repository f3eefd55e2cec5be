import type { ErrorCategory } from './category.js';

export interface ErrorSpec {
  category: ErrorCategory;
  /** Used when the throw site has nothing more precise to say. */
  message: string;
  /** Whether trying the same thing again may succeed, unless the throw site says otherwise. */
  transient?: boolean;
  /** The `details` keys a caller may see (REST puts them beside `error`); the rest stay in the process. */
  exposes?: readonly string[];
  /** An operational code whose messages are written for callers, so the faces show them. */
  publicMessage?: boolean;
}

/**
 * Every error code pipewright throws, with its category (and so its kind) and a default message.
 * A code is a promise to callers, who branch on it: rename one only with the API's version.
 */
export const ERROR_CODES = {
  // The request as sent: body, fields, ids, options.
  invalid_json: { category: 'invalid', message: 'The request body is not valid JSON' },
  json_too_deep: { category: 'invalid', message: 'The request body nests too deeply' },
  invalid_body: { category: 'invalid', message: 'The request body is invalid', exposes: ['issues'] },
  invalid_field: { category: 'invalid', message: 'A field or parameter has a value it cannot take', exposes: ['field'] },
  invalid_arguments: { category: 'invalid', message: 'The tool arguments do not name what to run' },
  invalid_option: { category: 'invalid', message: 'A client option has a value it cannot take' },
  body_too_large: { category: 'invalid', message: 'The request body is larger than the limit' },
  unsupported_media_type: { category: 'invalid', message: 'Request bodies must be JSON' },
  method_not_allowed: { category: 'invalid', message: 'The method is not allowed on this path' },
  idempotency_key_invalid: { category: 'invalid', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' },
  idempotency_key_reused: { category: 'invalid', message: 'This Idempotency-Key was already used for a different request' },
  ambiguous_prefix: { category: 'invalid', message: 'Several keys start with this prefix; give more characters' },
  unreadable_file: { category: 'invalid', message: 'The file cannot be read as a JSON workflow' },
  invalid_template: { category: 'invalid', message: 'A template is not a JSON workflow with a name' },
  templates_not_found: { category: 'invalid', message: 'There is no templates folder' },
  // The workflow and its run: graph, inputs, providers.
  invalid_graph: { category: 'invalid', message: 'Workflow graph failed validation', exposes: ['violations', 'warnings'] },
  workflow_inactive: { category: 'invalid', message: 'The workflow is inactive; activate it to run it' },
  unknown_input: { category: 'invalid', message: 'An input names a node the graph does not have', exposes: ['nodeId', 'inputNodes'] },
  not_an_input: { category: 'invalid', message: 'An input names a node that is not an input node', exposes: ['nodeId', 'inputNodes'] },
  invalid_input: { category: 'invalid', message: 'An input value has the wrong type', exposes: ['nodeId', 'expected'] },
  missing_input: { category: 'invalid', message: 'A node got no value on a port it needs' },
  unknown_node: { category: 'invalid', message: 'targetNodeId is not a node of this graph', exposes: ['targetNodeId'] },
  graph_unavailable: { category: 'invalid', message: 'The workflow version the execution ran is gone' },
  provider_not_configured: { category: 'invalid', message: 'A provider the workflow needs is not configured', exposes: ['providers', 'nodes'] },
  cancelled: { category: 'invalid', message: 'Execution was cancelled' },
  node_failed: { category: 'invalid', message: 'One or more nodes failed' },
  list_length_mismatch: { category: 'invalid', message: 'A node fans out over lists of unequal length' },
  too_many_items: { category: 'invalid', message: 'A node would run more times than its iteration limit' },
  // What a node was given or fetched.
  invalid_path: { category: 'invalid', message: 'Not a valid JSON path' },
  path_not_found: { category: 'invalid', message: 'Nothing at the JSON path' },
  invalid_image: { category: 'invalid', message: 'The input is not an image this node can read' },
  image_too_large: { category: 'invalid', message: 'The image would be larger than the limit' },
  too_many_images: { category: 'invalid', message: 'Too many images for one node' },
  crop_out_of_bounds: { category: 'invalid', message: 'The crop reaches past the image' },
  image_processing_failed: { category: 'invalid', message: 'Could not process the image' },
  invalid_data_uri: { category: 'invalid', message: 'Not a valid data URI' },
  unsupported_media_ref: { category: 'invalid', message: 'Media can be read from http(s), data: or a file path only' },
  media_not_found: { category: 'invalid', message: 'The media file or artifact does not exist' },
  media_too_large: { category: 'invalid', message: 'The media is larger than the limit' },
  media_fetch_failed: { category: 'invalid', message: 'Fetching the media failed' },
  invalid_url: { category: 'invalid', message: 'Not a valid URL' },
  unsupported_url: { category: 'invalid', message: 'Only http: and https: URLs can be fetched' },
  forbidden_target: { category: 'invalid', message: 'Fetching from this address is not allowed here' },
  callback_url_forbidden: {
    category: 'invalid',
    message: 'The callback URL points at an address this server may not call',
    exposes: ['field', 'host', 'address', 'range'],
    publicMessage: true,
  },
  host_not_found: { category: 'invalid', message: 'The host does not resolve' },
  invalid_request: { category: 'invalid', message: 'The outbound request is malformed' },
  too_many_redirects: { category: 'invalid', message: 'Too many redirects' },
  response_too_large: { category: 'invalid', message: 'The response is larger than the limit' },
  upstream_error: { category: 'invalid', message: 'The server called answered with an error status' },
  provider_auth_failed: { category: 'invalid', message: 'The provider refused the credentials' },
  provider_quota_exhausted: { category: 'invalid', message: 'The provider account has run out of quota or credit' },
  provider_bad_request: { category: 'invalid', message: 'The provider rejected the request' },
  provider_job_failed: { category: 'invalid', message: 'The provider job failed' },
  // What another pipewright (or a compatible API) answered, read by the REST client.
  http_error: { category: 'invalid', message: 'The API answered an error without a code' },
  remote_error: { category: 'invalid', message: 'The API answered with a code this version does not know' },
  // Refusals of the caller.
  missing_api_key: { category: 'auth', message: 'Send an API key: Authorization: Bearer sk-…' },
  invalid_api_key: { category: 'auth', message: 'The API key is not valid' },
  expired_api_key: { category: 'auth', message: 'This API key has expired' },
  insufficient_credits: {
    category: 'credits',
    message: 'The run needs more credits than are available',
    exposes: ['insufficientCredits', 'requiredCredits', 'availableCredits', 'breakdown'],
  },
  missing_scope: { category: 'permission', message: 'This key lacks a scope the call needs', exposes: ['requiredScope'] },
  invalid_signature: { category: 'permission', message: 'This artifact URL is not signed by this server' },
  expired_signature: { category: 'permission', message: 'This artifact URL has expired' },
  not_found: { category: 'not_found', message: 'Not found' },
  stale_write: { category: 'conflict', message: 'The workflow changed since your copy was read', exposes: ['currentUpdatedAt', 'yourBaseUpdatedAt'] },
  idempotency_key_in_use: { category: 'conflict', message: 'A request with this Idempotency-Key is still being handled' },
  not_cancellable: { category: 'conflict', message: 'The execution has already finished' },
  not_retryable: { category: 'conflict', message: 'The execution has not finished yet' },
  rate_limited: { category: 'rate_limited', message: 'Rate limit exceeded', exposes: ['retryAfter'] },
  // Faults of the world: network, providers, disk, shutdown.
  unavailable: { category: 'operational', message: 'The service is temporarily unavailable; try again shortly', transient: true, publicMessage: true },
  network_error: { category: 'operational', message: 'Network error', transient: true },
  fetch_timeout: { category: 'operational', message: 'No complete response in time', transient: true },
  node_timeout: { category: 'operational', message: 'The node timed out', transient: true },
  provider_timeout: { category: 'operational', message: 'The provider did not answer in time', transient: true },
  provider_unavailable: { category: 'operational', message: 'The provider failed or could not be reached', transient: true },
  provider_rate_limited: { category: 'operational', message: 'The provider is rate limiting requests', transient: true },
  provider_submit_uncertain: {
    category: 'operational',
    message: 'The request that starts a billed job failed after it was sent; a job may exist at the provider',
    publicMessage: true,
  },
  unexpected_provider_output: { category: 'operational', message: "The provider's response lacked an expected output" },
  invalid_response: { category: 'operational', message: 'The answer was not the JSON that was asked for' },
  media_read_failed: { category: 'operational', message: 'Cannot read the media file' },
  wait_timeout: { category: 'operational', message: 'The execution did not finish within the wait; it keeps running' },
  store_unavailable: { category: 'operational', message: 'Could not open the pipewright store' },
  store_busy: {
    category: 'operational',
    message: 'Another process held the store write lock for too long; try again shortly',
    transient: true,
    exposes: ['retryAfter'],
    publicMessage: true,
  },
  store_migration_failed: { category: 'operational', message: 'The store could not be migrated' },
  artifact_corrupt: { category: 'operational', message: 'An artifact has an unreadable record' },
  artifact_write_failed: { category: 'operational', message: 'Could not store an artifact file' },
  artifact_store_unavailable: { category: 'operational', message: 'The artifact store could not be reached' },
  shutting_down: { category: 'operational', message: 'The process is shutting down' },
  execution_taken_over: { category: 'operational', message: 'Another process took the execution over after this one let its lease end' },
  listen_failed: { category: 'operational', message: 'The server could not listen on the address asked for' },
  // Ours.
  internal: { category: 'bug', message: 'An internal error occurred; quote the request id when reporting it', publicMessage: true },
  invalid_config: { category: 'bug', message: 'pipewright was assembled with a setting it cannot take' },
  duplicate_node_type: { category: 'bug', message: 'A node type is registered twice' },
  provider_endpoint_invalid: { category: 'bug', message: 'A model catalog entry names an endpoint its provider cannot call' },
  node_error: { category: 'bug', message: 'Node failed unexpectedly' },
  untracked_execution: { category: 'bug', message: 'The execution was not started by this process' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CODES;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_CODES, value);
}

/** A code from outside the table (a plugin's, or a cast) is the caller's, as any unclassified refusal. */
const UNLISTED: ErrorSpec = { category: 'invalid', message: 'The request failed' };

export function errorSpec(code: string): ErrorSpec {
  return isErrorCode(code) ? ERROR_CODES[code] : UNLISTED;
}

/** An error written into an execution's record rather than thrown: its code comes from the table too. */
export function errorEntry<C extends ErrorCode>(code: C, message: string = ERROR_CODES[code].message): { code: C; message: string } {
  return { code, message };
}
