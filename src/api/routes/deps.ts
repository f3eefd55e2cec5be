import type { Context, MiddlewareHandler } from 'hono';
import type { Services, WebhookOwners } from '../../service/index.js';
import type { AppEnv } from '../env.js';
import type { EventStreamSettings, OpenStreams } from '../event-stream/index.js';

/** What a route group is given: the use cases, and the middleware configured once for all. */
export interface RouteDeps {
  services: Services;
  /** Reads the JSON body and, on POST, claims the Idempotency-Key. */
  body: MiddlewareHandler<AppEnv>;
  /** The account's executions-per-minute budget (execute, run, retry). */
  executionLimit: MiddlewareHandler<AppEnv>;
  /** The extra executions of a batch run, once its body is read. */
  batchLimit: MiddlewareHandler<AppEnv>;
  /** The execution event streams: how they render and keep alive, and how many each account holds open. */
  events: EventStreamSettings & { streams: OpenStreams };
  webhook: {
    owners: WebhookOwners;
    /** Per IP for unknown ids and refused triggers; answers 429 before the body is read once that is spent. */
    guard: MiddlewareHandler<AppEnv>;
    /** Spends the webhook's own budget for a trigger that starts a run. */
    spend(c: Context<AppEnv>): Promise<void>;
    /** Like `body`, with the smaller trigger size limit. */
    body: MiddlewareHandler<AppEnv>;
  };
}
