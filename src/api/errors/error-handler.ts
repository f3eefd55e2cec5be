import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { isPipewrightError } from '../../errors/index.js';
import type { AppEnv } from '../env.js';
import { type ErrorMapping, mappingFor, STATUS_TABLE } from './status-table.js';

interface PublicError {
  mapping: ErrorMapping;
  code: string;
  message: string;
  extras: Record<string, unknown>;
}

const GENERIC: Record<'internal' | 'unavailable', string> = {
  internal: 'An internal error occurred; quote the request id when reporting it',
  unavailable: 'The service is temporarily unavailable; try again shortly',
};

/**
 * What a caller may see of an error. A bug (or anything that is not a PipewrightError) and an
 * unlisted operational fault never show their message: it may name files, SQL or hosts.
 */
function describe(error: unknown): PublicError {
  if (!isPipewrightError(error) || error.kind === 'bug') return hidden('internal');
  const mapping = mappingFor(error.code);
  if (mapping === undefined && error.kind === 'operational') return hidden('unavailable');
  const resolved = mapping ?? { status: 400, type: 'invalid_request_error' as const };
  const extras: Record<string, unknown> = {};
  for (const key of resolved.expose ?? []) if (error.details[key] !== undefined) extras[key] = error.details[key];
  return { mapping: resolved, code: error.code, message: error.message, extras };
}

function hidden(code: 'internal' | 'unavailable'): PublicError {
  return { mapping: STATUS_TABLE[code]!, code, message: GENERIC[code], extras: {} };
}

/** The one place an error becomes a response: `{error:{type, code, message, requestId}, …extras}`. */
export function errorResponse(c: Context<AppEnv>, error: unknown, logger: Logger): Response {
  const { mapping, code, message, extras } = describe(error);
  const requestId = c.get('requestId');
  if (mapping.status >= 500) logger.error({ requestId, err: error }, 'request failed');
  // Whoever refused (a per-minute budget, the daily cap), the wait is said in the header too.
  if (typeof extras.retryAfter === 'number') c.header('Retry-After', String(extras.retryAfter));
  const body = { error: { type: mapping.type, code, message, requestId }, ...extras };
  return c.json(body, mapping.status as ContentfulStatusCode);
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => errorResponse(c, error, logger);
}
