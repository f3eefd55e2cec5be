import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { KeyMaker } from '../../api/harness.js';
import { serveBuilt, type BuiltServer } from '../../support/built-cli.js';

// The hostile-input suite talks to what ships — the built CLI's `serve` — as an attacker would:
// raw HTTP, no client library. Every answer is checked for what must never leave the server.

export const ADMIN_KEY = 'sk-securitySuiteAdmin0123456789abcdefghijKLMN';
/** A provider key the server holds: it must never show in an answer. Runs here are dry, so it is never sent anywhere. */
const PROVIDER_KEY = 'sk-provider-secret-7f3a9c0e1d2b4a6f8e0c';

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed when the answer is JSON. */
  json: any;
}

export interface RequestInit {
  /** Sent as JSON text; `body` is sent as given instead. */
  json?: unknown;
  body?: string | Uint8Array;
  headers?: Record<string, string>;
  /** Defaults to a key of the bootstrap account; null sends none. */
  key?: string | null;
}

export interface Hostile {
  url: string;
  home: string;
  keys: KeyMaker;
  /** A request under `/api/v1` (or at the root when the path starts with `//`). */
  api(method: string, path: string, init?: RequestInit): Promise<Reply>;
  /** What the store holds that a request could change, read back through the API. */
  snapshot(key?: string): Promise<string>;
  /** Every answer the suite got, for the checks no answer may fail. */
  replies: Reply[];
  close(): Promise<void>;
}

/**
 * `pipewright serve` on a fresh home. Requests rotate over several keys of one account so the
 * suite's own volume stays under the per-key request budget it is not here to test.
 */
export async function startHostile(): Promise<Hostile> {
  const home = await mkdtemp(join(tmpdir(), 'pw-security-'));
  let server: BuiltServer | undefined;
  let keys: KeyMaker | undefined;
  try {
    server = await serveBuilt({ PIPEWRIGHT_HOME: home, PIPEWRIGHT_API_KEY: ADMIN_KEY, OPENAI_API_KEY: PROVIDER_KEY, FAL_KEY: PROVIDER_KEY });
    keys = await KeyMaker.open(home);
    const pool = [ADMIN_KEY, ...(await Promise.all(Array.from({ length: 9 }, () => keys!.key({ scopes: ['admin'] }))))];
    let turn = 0;
    const replies: Reply[] = [];
    const running = server;
    const api = async (method: string, path: string, init: RequestInit = {}): Promise<Reply> => {
      const headers: Record<string, string> = { ...init.headers };
      const key = init.key === undefined ? pool[turn++ % pool.length] : init.key;
      if (key !== null) headers.authorization ??= `Bearer ${key}`;
      let body = init.body;
      if (init.json !== undefined) {
        headers['content-type'] ??= 'application/json';
        body = JSON.stringify(init.json);
      }
      const target = path.startsWith('//') ? `${running.url}${path.slice(1)}` : `${running.url}/api/v1${path}`;
      const response = await fetch(target, { method, headers, ...(body !== undefined && { body }) });
      const text = await response.text();
      const json = response.headers.get('content-type')?.includes('json') && text !== '' ? JSON.parse(text) : undefined;
      const reply = { status: response.status, headers: response.headers, text, json };
      replies.push(reply);
      return reply;
    };
    return {
      url: running.url,
      home,
      keys,
      api,
      replies,
      snapshot: (key) => snapshot(api, key),
      async close() {
        await keys?.close();
        await running.stop();
        await rm(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await keys?.close();
    await server?.stop();
    await rm(home, { recursive: true, force: true });
    throw error;
  }
}

async function snapshot(api: Hostile['api'], key?: string): Promise<string> {
  const init = key === undefined ? {} : { key };
  const workflows = await api('GET', '/workflows?limit=100', init);
  const versions = await Promise.all(
    (workflows.json.data as Array<{ id: string }>).map(async ({ id }) => [
      (await api('GET', `/workflows/${id}`, init)).json,
      (await api('GET', `/workflows/${id}/versions`, init)).json,
    ]),
  );
  const executions = await api('GET', '/workflows/executions?limit=100', init);
  const usage = await api('GET', '/developer/usage', init);
  return JSON.stringify({ versions, executions: executions.json.data, balance: usage.json.data.balance, usedToday: usage.json.data.usedToday });
}

/** A refusal in the contract's envelope, with the status and code the contract gives it. */
export function expectRefused(reply: Reply, status: number, code: string): void {
  expect([reply.status, reply.json?.error?.code], reply.text.slice(0, 500)).toEqual([status, code]);
  expect(reply.json.error).toMatchObject({ type: expect.any(String), message: expect.any(String), requestId: expect.any(String) });
}

/**
 * No answer may carry a stack trace, a path of the server's machine or a secret: the home, the
 * working directory, the package's files, the admin key a caller did not send, the provider key.
 */
export function expectNothingLeaked(hostile: Hostile): void {
  const forbidden = [hostile.home, process.cwd(), tmpdir(), 'node_modules', 'dist/bin', PROVIDER_KEY, ADMIN_KEY];
  for (const reply of hostile.replies) {
    const text = reply.text;
    expect(reply.status, text.slice(0, 300)).toBeLessThan(500);
    expect(text, 'a stack trace').not.toMatch(/\n\s+at\s|\bat\s+\S+\s\(\S+:\d+:\d+\)|\.[cm]?[jt]s:\d+:\d+/);
    for (const secret of forbidden) expect(text.includes(secret), `an answer shows ${secret}: ${text.slice(0, 300)}`).toBe(false);
  }
}

/**
 * For a test file: the built serve started before its tests and closed after them, when no answer
 * it gave may have leaked anything. Call the returned function for the running instance.
 */
export function useHostile(): () => Hostile {
  let hostile: Hostile | undefined;
  beforeAll(async () => {
    hostile = await startHostile();
  });
  afterAll(async () => {
    if (hostile === undefined) return;
    await hostile.close();
    expectNothingLeaked(hostile);
  });
  return () => hostile!;
}
