import { PipewrightError } from '../../errors/index.js';
import { type ExecutionListQuery, ExecutionListQuerySchema, parseQuery, type WorkflowListQuery, WorkflowListQuerySchema } from '../../service/index.js';

function invalidField(field: string, expected: string): PipewrightError {
  return new PipewrightError('invalid_field', `Parameter ${field} must be ${expected}`, { details: { field } });
}

function positiveInteger(raw: string, field: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw invalidField(field, 'a positive integer');
  return Number(raw);
}

/** `GET /workflows` filters, read from their text; what a cursor means belongs to the service. */
export function listQuery(query: Record<string, string>): WorkflowListQuery {
  const { tag, q, cursor, limit, isActive } = query;
  const pageSize = limit === undefined ? undefined : positiveInteger(limit, 'limit');
  if (isActive !== undefined && isActive !== 'true' && isActive !== 'false') throw invalidField('isActive', 'true or false');
  return parseQuery(WorkflowListQuerySchema, { tag, q, cursor, limit: pageSize, isActive: isActive === undefined ? undefined : isActive === 'true' });
}

/** `GET /workflows/executions` filters, read from their text; what a cursor means belongs to the service. */
export function executionListQuery(query: Record<string, string>): ExecutionListQuery {
  const { workflowId, status, cursor, limit } = query;
  return parseQuery(ExecutionListQuerySchema, { workflowId, status, cursor, limit: limit === undefined ? undefined : positiveInteger(limit, 'limit') });
}

/** The `{v}` of the versions routes. */
export function versionParam(raw: string): number {
  return positiveInteger(raw, 'version');
}
