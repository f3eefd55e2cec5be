import { PipewrightError } from '../../errors/index.js';
import type { ListQuery } from '../../service/index.js';

function invalidField(field: string, expected: string): PipewrightError {
  return new PipewrightError('invalid_field', `Parameter ${field} must be ${expected}`, { details: { field } });
}

function positiveInteger(raw: string, field: string): number {
  if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw invalidField(field, 'a positive integer');
  return Number(raw);
}

/** `GET /workflows` filters; ranges and cursor meaning belong to the service. */
export function listQuery(query: Record<string, string>): ListQuery {
  const parsed: ListQuery = {};
  if (query.tag !== undefined) parsed.tag = query.tag;
  if (query.q !== undefined) parsed.q = query.q;
  if (query.cursor !== undefined) parsed.cursor = query.cursor;
  if (query.limit !== undefined) parsed.limit = positiveInteger(query.limit, 'limit');
  if (query.isActive !== undefined) {
    if (query.isActive !== 'true' && query.isActive !== 'false') throw invalidField('isActive', 'true or false');
    parsed.isActive = query.isActive === 'true';
  }
  return parsed;
}

/** `GET /workflows/executions` filters; which statuses exist and what a cursor means belong to the service. */
export function executionListQuery(query: Record<string, string>): { workflowId?: string; status?: string; limit?: number; cursor?: string } {
  const { workflowId, status, cursor, limit } = query;
  return {
    ...(workflowId !== undefined && { workflowId }),
    ...(status !== undefined && { status }),
    ...(cursor !== undefined && { cursor }),
    ...(limit !== undefined && { limit: positiveInteger(limit, 'limit') }),
  };
}

/** The `{v}` of the versions routes. */
export function versionParam(raw: string): number {
  return positiveInteger(raw, 'version');
}
