import { createHttpClient, type HttpClient } from '../../src/providers/index.js';

/** Where a connection fails: before the request left (nothing can have been started), or after the stand-in took it. */
export type DropPoint = 'before-sending' | 'after-sending';

/**
 * An HTTP client whose first `times` POSTs fail at the connection, as undici reports it:
 * `ECONNREFUSED` before sending, `UND_ERR_SOCKET` ("other side closed") once the stand-in has
 * answered. Everything else goes through unchanged.
 */
export function droppingHttp(where: DropPoint, times = 1): HttpClient {
  const inner = createHttpClient();
  let left = times;
  return {
    async send(request) {
      if (request.method !== 'POST' || left === 0) return inner.send(request);
      left--;
      if (where === 'before-sending') throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' });
      await inner.send(request);
      throw Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    },
    destroy: () => inner.destroy(),
  };
}
