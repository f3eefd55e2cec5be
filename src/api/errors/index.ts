export { errorHandler, errorResponse } from './error-handler.js';
export { methodNotAllowed, noRoute, notFound } from './fallbacks.js';
export { mappingFor, STATUS_TABLE } from './status-table.js';
export type { ErrorMapping, ErrorType } from './status-table.js';
