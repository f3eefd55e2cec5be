import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll } from 'vitest';
import type { ApiSettings } from '../../src/api/index.js';
import { bootServer, type BootOptions } from '../../src/cli/serve/boot.js';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { createServices, type Scope, type ServiceSettings } from '../../src/service/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { restLinks } from '../../src/api/index.js';

export const BASE = '/api/v1';

export interface TestServer {
  url: string;
  home: string;
  /** The admin key of the first account (bootstrap's). */
  adminKey: string;
  /** Every log line the server wrote, parsed. */
  logs: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  home?: string;
  apiKey?: string;
  api?: Partial<ApiSettings>;
  services?: Omit<ServiceSettings, 'links'>;
  /** What the server reads providers and its network policy from (`OPENAI_BASE_URL`, …); none by default. */
  env?: NodeJS.ProcessEnv;
  /** The services' clock (signed URL expiry, …); move it instead of sleeping. Default the system's. */
  now?: () => Date;
}

/** A fixed, well-formed admin key so a restarted server on the same home can be called with it. */
export const ADMIN_KEY = `sk-${'A1b2C3d4'.repeat(5)}`;

/** Every home this harness made in this test file; all are removed when the file is done. */
const homes = new Set<string>();

/**
 * A fresh home folder, removed after the test file (restart tests start several servers on it).
 * Registered at import, so it runs after the file's own `afterAll` that closes its servers.
 */
afterAll(() => {
  for (const home of homes) removeHome(home);
});

export function tempHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'pipewright-api-'));
  homes.add(home);
  return home;
}

function removeHome(home: string): void {
  rmSync(home, { recursive: true, force: true });
  homes.delete(home);
}

/** The real server (store, services, app) on 127.0.0.1 and a random port, in this process. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const home = options.home ?? tempHome();
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const boot: BootOptions = {
    home,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'info' }, sink),
    apiKey: options.apiKey ?? ADMIN_KEY,
    graceMs: 2_000,
    ...(options.api && { api: options.api }),
    ...(options.services && { services: options.services }),
    env: options.env ?? {},
    ...(options.now && { now: options.now }),
  };
  const server = await bootServer(boot);
  // A home the caller passed outlives this server (a restart reuses it); one made here does not.
  const close = async () => {
    await server.close();
    if (options.home === undefined) removeHome(home);
  };
  return { url: server.url, home, adminKey: boot.apiKey!, logs, close };
}

export interface KeyRequest {
  scopes?: Scope[];
  accountId?: string;
  /** Made with a clock an hour behind, expiring a minute ago. */
  expired?: boolean;
  revoked?: boolean;
}

/**
 * Keys and accounts made straight through the services on the server's home (a second
 * connection, as the `keys` CLI would), never used before they are handed out — so a revoked
 * one is refused at once, with no auth cache in the way.
 */
export class KeyMaker {
  private constructor(private readonly store: Store) {}

  static async open(home: string): Promise<KeyMaker> {
    return new KeyMaker(await openStore({ home }));
  }

  private services(offsetMs = 0) {
    const now = () => new Date(Date.now() + offsetMs);
    return createServices({ store: this.store, registry: createBuiltinRegistry(), settings: { links: restLinks('http://127.0.0.1') }, now });
  }

  async key(request: KeyRequest = {}): Promise<string> {
    const services = this.services(request.expired ? -3_600_000 : 0);
    const accountId = request.accountId ?? (await services.accounts.defaultAccountId());
    const { key, view } = await services.keys.create({
      accountId,
      ...(request.scopes && { scopes: request.scopes }),
      ...(request.expired && { expiresAt: new Date(Date.now() - 60_000) }),
    });
    if (request.revoked) await services.keys.revoke(accountId, view.prefix);
    return key;
  }

  /** Another account, as a multi-tenant deployment would have; returns its admin key. */
  async otherAccount(plan = 'pro', creditsBalance = 0): Promise<string> {
    const account = await this.store.accounts.create({ name: 'Other', plan, creditsBalance });
    return this.key({ accountId: account.id, scopes: ['admin'] });
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export interface Reply {
  status: number;
  headers: Headers;
  // Tests read whatever shape the route answers.
  body: any;
}

export interface CallOptions {
  key?: string | null;
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
}

/** One real HTTP request; `json` is sent as application/json, `body` as given. */
export async function call(server: { url: string; adminKey: string }, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? server.adminKey : options.key;
  if (key !== null) headers.Authorization ??= `Bearer ${key}`;
  let body = options.body;
  if (options.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${server.url}${BASE}${path}`, { method, headers, ...(body !== undefined && { body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** The error code of an error reply, failing loudly when the reply is not the envelope. */
export function codeOf(reply: Reply): string {
  if (typeof reply.body?.error?.code !== 'string') throw new Error(`not an error envelope (${reply.status}): ${JSON.stringify(reply.body)}`);
  return reply.body.error.code as string;
}
