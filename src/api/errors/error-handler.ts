import type { Context, ErrorHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { ERROR_CODES, exposedDetails, publicError, type WithheldCode, withheldCode } from '../../errors/index.js';
import type { ErrorBody } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import { type ErrorMapping, httpMapping } from './http-status.js';

interface PublicError {
  mapping: ErrorMapping;
  code: string;
  message: string;
  extras: Record<string, unknown>;
}

/** What a caller may see of an error: its code, message and exposed details, or a stand-in. */
function describe(error: unknown): PublicError {
  const shown = publicError(error);
  if (shown === undefined) return hidden(withheldCode(error));
  return { mapping: httpMapping(shown), code: shown.code, message: shown.message, extras: exposedDetails(shown) };
}

/** A withheld error says only its stand-in code's default message; the log has the rest. */
function hidden(code: WithheldCode): PublicError {
  const { category, message } = ERROR_CODES[code];
  return { mapping: httpMapping({ code, category }), code, message, extras: {} };
}

/** The one place an error becomes a response: `{error:{type, code, message, requestId}, …extras}`. */
export function errorResponse(c: Context<AppEnv>, error: unknown, logger: Logger): Response {
  const { mapping, code, message, extras } = describe(error);
  const requestId = c.get('requestId');
  if (mapping.status >= 500) logger.error({ requestId, err: error }, 'request failed');
  // Whoever refused (a per-minute budget, the daily cap), the wait is said in the header too.
  if (typeof extras.retryAfter === 'number') c.header('Retry-After', String(extras.retryAfter));
  const body: ErrorBody = { error: { type: mapping.type, code, message, requestId }, ...extras };
  return c.json(body, mapping.status as ContentfulStatusCode);
}

export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => errorResponse(c, error, logger);
}
