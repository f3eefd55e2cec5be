import type { Context } from 'hono';
import { PipewrightError } from '../../errors/index.js';
import { LastEventIdSchema } from '../../service/index.js';
import type { AppEnv } from '../env.js';

/**
 * Where a stream resumes: after the `Last-Event-ID` header (what a browser's EventSource sends on
 * reconnecting), else after `?lastEventId=` (for clients that cannot set headers), else from the start (0).
 */
export function lastEventId(c: Context<AppEnv>): number {
  const header = c.req.header('Last-Event-ID');
  const [field, value] = header !== undefined && header !== '' ? ['Last-Event-ID', header] : ['lastEventId', c.req.query('lastEventId')];
  if (value === undefined || value === '') return 0;
  const parsed = LastEventIdSchema.safeParse(value.trim());
  if (!parsed.success || !/^\d+$/.test(value.trim())) {
    throw new PipewrightError('invalid_field', `${field} must be an event id (a whole number), got ${JSON.stringify(value.slice(0, 40))}`, {
      details: { field },
    });
  }
  return parsed.data;
}
