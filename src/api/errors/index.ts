export { errorHandler, errorResponse } from './error-handler.js';
export { methodNotAllowed, noRoute, notFoundHandler } from './fallbacks.js';
export { httpMapping } from './http-status.js';
export type { ErrorMapping, ErrorType } from './http-status.js';
