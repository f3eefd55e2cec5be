/**
 * Who is to blame decides what a face does with an error: a `user` error is reported with its
 * message (the caller can fix it), an `operational` one is a fault of the world (network,
 * provider, disk) and a `bug` is ours — its message never leaves the process.
 */
export type ErrorKind = 'user' | 'operational' | 'bug';

/**
 * What went wrong, in the terms a face answers with: each face maps these once (REST to a status
 * and an error type, MCP to an `isError` result). Every category but the last two is the user's.
 */
export type ErrorCategory =
  | 'invalid' // the request or the workflow is wrong as sent: fix it and call again
  | 'auth' // no API key, or one that is not valid or has expired
  | 'credits' // the run needs more credits than the account has
  | 'permission' // the key (or a signed URL) does not allow this
  | 'not_found' // no such resource, or not the caller's
  | 'conflict' // the state changed or is busy: read it again, or wait
  | 'rate_limited' // too many requests: wait for the time said
  | 'operational' // a fault of the world: network, provider, disk
  | 'bug'; // ours

export function kindOf(category: ErrorCategory): ErrorKind {
  return category === 'operational' || category === 'bug' ? category : 'user';
}
