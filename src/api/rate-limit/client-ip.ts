import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * The socket's peer address. Forwarded-for headers are not trusted: anyone can send them, and
 * a limit keyed on them is no limit. Behind a reverse proxy every anonymous caller shares one
 * budget, which errs on the safe side.
 */
export function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not served by @hono/node-server (app.request in unit tests): no socket to ask.
    return 'unknown';
  }
}
