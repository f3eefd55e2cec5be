export { errorHandler, errorResponse } from './error-handler.js';
export { methodNotAllowed, noRoute, notFoundHandler } from './fallbacks.js';
export { httpMapping } from './http-status.js';
export type { ErrorMapping } from './http-status.js';
