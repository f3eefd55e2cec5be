import type { RestCall, RestTransport } from './transport.js';
import type { PostOptions } from './types.js';

export type Route = <T>(method: RestCall['method'], path: string, options?: PostOptions, extra?: Pick<RestCall, 'body' | 'query'>) => Promise<T>;

/** One JSON request with the caller's options. */
export function route(transport: RestTransport): Route {
  return (method, path, options, extra = {}) => transport.json({ ...extra, method, path, ...callOptions(options) });
}

/** Only the options the transport knows, so a stray property never reaches a request. */
export function callOptions({ signal, timeoutMs, idempotencyKey }: PostOptions = {}): Pick<RestCall, 'signal' | 'timeoutMs' | 'idempotencyKey'> {
  return {
    ...(signal !== undefined && { signal }),
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
}

/** `/a/b/c` with every segment encoded, so an id can never change the route. */
export function path(...segments: Array<string | number>): string {
  return segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
}

/** The routes' own `{data}` envelope, where the contract has one. */
export function data<T>(reply: { data: T }): T {
  return reply.data;
}
