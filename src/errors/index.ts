export { PipewrightError, isPipewrightError } from './pipewright-error.js';
export type { PipewrightErrorOptions } from './pipewright-error.js';
export { ERROR_CODES, errorEntry, errorSpec, isErrorCode } from './codes.js';
export type { ErrorCode } from './codes.js';
export { kindOf } from './category.js';
export type { ErrorCategory, ErrorKind } from './category.js';
export { exposedDetails, publicError, withheldCode } from './disclosure.js';
export type { WithheldCode } from './disclosure.js';
