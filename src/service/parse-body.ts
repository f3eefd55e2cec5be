import type { z } from 'zod';
import { PipewrightError } from '../errors/index.js';

/** Parses a request body with its one schema; every issue comes back, each with its path. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(pathPart), code: issue.code, message: issue.message }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  throw new PipewrightError('invalid_body', `The request body is invalid: ${where}${first?.message ?? 'unexpected shape'}`, { details: { issues } });
}

function pathPart(part: PropertyKey): string | number {
  return typeof part === 'number' ? part : String(part);
}
