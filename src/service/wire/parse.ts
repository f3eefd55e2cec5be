import type { z } from 'zod';
import { PipewrightError } from '../../errors/index.js';

// Each face parses what it receives here, once, with the concept's one schema; the use cases
// take what these return.

/** A request body: `invalid_body` with every issue, each with its path (docs/api.md "Request bodies"). */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({
    path: issue.path.map(pathPart),
    code: issue.code,
    message: issue.message,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new PipewrightError('invalid_body', `The request body is invalid: ${where}${first?.message ?? 'unexpected shape'}`, { details: { issues } });
}

/** List filters, once read from a query string: `invalid_field` naming the first filter at fault. */
export function parseQuery<T>(schema: z.ZodType<T>, query: unknown): T {
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const field = issue?.path.map(pathPart).join('.') ?? '';
  throw new PipewrightError('invalid_field', issue?.message ?? 'The query is invalid', { details: { field } });
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === 'number' ? part : String(part);
}
