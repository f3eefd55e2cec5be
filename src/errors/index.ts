export { PipewrightError, isPipewrightError } from './pipewright-error.js';
export type { ErrorKind, PipewrightErrorOptions } from './pipewright-error.js';
