import {
  type CompatPollView,
  type ExecuteAccepted,
  type ExecutionDetail,
  type ExecutionEvent,
  type ExecutionSummary,
  FINISHED_EXECUTION_STATUSES,
  type Page,
  type PollView,
  type RetryBody,
} from '../service/index.js';
import { fromCompatPoll } from './compat-poll.js';
import { executionEvents, type EventsOptions } from './execution-events.js';
import type { ClientSettings } from './options.js';
import { data, path, route } from './route.js';
import type { RestTransport } from './transport.js';
import type { ExecutionListQuery, PostOptions, RequestOptions } from './types.js';
import { waitFor, type WaitOptions } from './wait-for.js';

/** `/workflows/executions…`, and `waitFor`, which polls until the execution finishes. */
export interface ExecutionsApi {
  list(query?: ExecutionListQuery, options?: RequestOptions): Promise<Page<ExecutionSummary>>;
  /** The cheap status (compat top-level shape), with a cancelled execution read back as CANCELLED. */
  poll(id: string, options?: RequestOptions): Promise<PollView>;
  /** The full record, per node. */
  get(id: string, options?: RequestOptions): Promise<ExecutionDetail>;
  /** `not_cancellable` (409) once finished. */
  cancel(id: string, options?: PostOptions): Promise<{ executionId: string; status: string }>;
  /** A new execution re-running the failed and skipped nodes; `body.callbackUrl` asks for its completion callback. */
  retry(id: string, body?: RetryBody, options?: PostOptions): Promise<ExecuteAccepted>;
  /** Polls with backoff until COMPLETED, FAILED or CANCELLED; resolves with the last poll. */
  waitFor(id: string, options?: WaitOptions): Promise<PollView>;
  /**
   * The execution's events as they happen (`GET …/events`, Server-Sent Events), reconnecting with
   * `Last-Event-ID` when the connection drops; ends after `execution.completed`, `.failed` or `.cancelled`.
   */
  events(id: string, options?: EventsOptions): AsyncIterable<ExecutionEvent>;
}

export function executionsApi(transport: RestTransport, settings: ClientSettings): ExecutionsApi {
  const call = route(transport);
  const at = (id: string, ...rest: string[]) => path('workflows', 'executions', id, ...rest);
  const poll = async (id: string, options?: RequestOptions) => fromCompatPoll(await call<CompatPollView>('GET', at(id, 'poll'), options));
  return {
    list: (query = {}, options) => call('GET', '/workflows/executions', options, { query: { ...query } }),
    poll,
    get: async (id, options) => data(await call('GET', at(id), options)),
    cancel: async (id, options) => data(await call('POST', at(id, 'cancel'), options)),
    // No body unless one is given: a hosted API's retry may take none.
    retry: (id, body, options) => call('POST', at(id, 'retry'), options, body === undefined ? {} : { body }),
    waitFor: (id, options = {}) => waitFor({ poll, id, options, polling: settings.polling }),
    events: (id, options) =>
      executionEvents(
        transport,
        settings,
        { path: at(id, 'events'), finished: async (signal) => FINISHED_EXECUTION_STATUSES.has((await poll(id, signal && { signal })).status) },
        options,
      ),
  };
}
