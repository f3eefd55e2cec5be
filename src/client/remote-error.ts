import { type ErrorCategory, type ErrorKind, isErrorCode, kindOf, PipewrightError } from '../errors/index.js';

export interface RemoteErrorOptions {
  status: number;
  transient: boolean;
  details: Record<string, unknown>;
}

/**
 * An error answer of a remote pipewright (or a compatible API), as this process sees it. Its
 * category comes from the HTTP status, not from this build's table: the server's `internal` is
 * an operational fault here, not our bug. A code this build does not know (a newer server's, a
 * compatible API's) becomes `remote_error`, the server's code kept in `details.remoteCode`.
 */
export class RemoteError extends PipewrightError {
  override readonly category: ErrorCategory;
  override readonly kind: ErrorKind;

  constructor(remoteCode: string, message: string, { status, transient, details }: RemoteErrorOptions) {
    const known = isErrorCode(remoteCode);
    super(known ? remoteCode : 'remote_error', message, { transient, details: known ? details : { ...details, remoteCode } });
    this.category = categoryOfStatus(status);
    this.kind = kindOf(this.category);
  }
}

const BY_STATUS: Readonly<Record<number, ErrorCategory>> = {
  401: 'auth',
  402: 'credits',
  403: 'permission',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
};

function categoryOfStatus(status: number): ErrorCategory {
  if (status >= 500) return 'operational';
  return BY_STATUS[status] ?? 'invalid';
}
