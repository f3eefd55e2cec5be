import type { Hono } from 'hono';
import { requireKey } from '../auth/index.js';
import type { AppEnv } from '../env.js';
import { lastEventId, serveEvents } from '../event-stream/index.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /workflows/executions/{id}/events`: the execution's events as Server-Sent Events, from the
 * store, resuming after `Last-Event-ID` (docs/events.md "The event stream (SSE)"). Refusals —
 * another account's id (404), a bad Last-Event-ID (400), too many open streams (429) — are JSON
 * answers, given before the stream starts.
 */
export function registerExecutionEventRoute(api: Hono<AppEnv>, { services, events }: RouteDeps): void {
  api.get('/workflows/executions/:id/events', requireKey('executions:read'), async (c) => {
    const after = lastEventId(c);
    const { principal } = c.var;
    const done = events.streams.open(principal.accountId);
    const stop = new AbortController();
    try {
      const stream = await services.executions.events(principal, c.req.param('id'), { after, signal: stop.signal });
      return serveEvents(c, stream, { stop, done, settings: events });
    } catch (error) {
      done();
      throw error;
    }
  });
}
