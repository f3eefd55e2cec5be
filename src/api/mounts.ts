import type { Hono } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import { requireKey } from './auth/index.js';
import { PipewrightError } from '../errors/index.js';
import { jsonDepth } from './body/json-depth.js';
import { readLimited } from './body/read-limited.js';
import type { AppEnv } from './env.js';

/** A web-standard handler served beside the REST routes (the MCP endpoint at `/mcp`). */
export interface Mount {
  path: string;
  fetch: (request: Request) => Promise<Response>;
  /**
   * The handler spends the caller's request budget itself, once per unit of work (MCP: per tool
   * call, through `spendRequest`), so the chain only reports a keyed request's budget in the headers.
   */
  chargesPerCall?: boolean;
}

/**
 * Mounts answer POST only (a stateless endpoint has no stream to GET and no session to DELETE:
 * other methods get the chain's 405). They sit behind the same chain as REST — request id,
 * rate limits, bearer keys — and the same body limits (size and JSON depth), checked before the
 * handler sees a byte.
 */
export function registerMounts(app: Hono<AppEnv>, mounts: readonly Mount[], limits: { maxBodyBytes: number; maxJsonDepth: number }): void {
  for (const mount of mounts) {
    app.post(mount.path, requireKey(), async (c) => {
      const raw = c.req.raw;
      const body = await readLimited(raw, limits.maxBodyBytes);
      if (jsonDepth(new TextDecoder().decode(body)) > limits.maxJsonDepth) {
        throw new PipewrightError('json_too_deep', `Request body nests deeper than ${limits.maxJsonDepth} levels`);
      }
      const response = await mount.fetch(new Request(raw.url, { method: 'POST', headers: raw.headers, body, signal: raw.signal }));
      // Through c.body, so the headers the chain prepared (rate limits, request id) are kept.
      const headers = Object.fromEntries(response.headers);
      if (response.body === null) return c.body(null, response.status as StatusCode, headers);
      return c.body(response.body as ReadableStream<Uint8Array>, response.status as ContentfulStatusCode, headers);
    });
  }
}
