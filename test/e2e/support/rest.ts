import { expect } from 'vitest';

/** A user's key for `serve` to adopt at first start: `sk-` and 40 base62 characters. */
export const ADMIN_KEY = 'sk-e2eAdminKey0123456789abcdefghijABCDEFGHIJ';

/** A JSON call on a running server, as curl would make it. */
export async function call(base: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** Polls `/poll` as a hosted client does, until COMPLETED or FAILED (bounded). */
export async function pollToEnd(base: string, executionId: string, deadlineMs = 30_000): Promise<any> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const { status, json } = await call(base, 'GET', `/workflows/executions/${executionId}/poll`);
    expect(status).toBe(200);
    if (json.status === 'COMPLETED' || json.status === 'FAILED') return json;
    if (Date.now() > until) throw new Error(`execution ${executionId} still ${json.status} after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
