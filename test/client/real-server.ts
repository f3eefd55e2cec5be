import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { bootServer } from '../../src/cli/serve/boot.js';

export const ADMIN_KEY = `sk-${'Rc7Lt3Vx'.repeat(5)}`;

export interface RealServer {
  /** `http://127.0.0.1:<port>`: what a user passes as `baseUrl`. */
  url: string;
  close(): Promise<void>;
}

/** The real server (store, services, REST app) on 127.0.0.1 and a free port, limits out of the way. */
export async function startRealServer(options: { env?: NodeJS.ProcessEnv } = {}): Promise<RealServer> {
  const home = mkdtempSync(join(tmpdir(), 'pipewright-client-'));
  const unlimited = { requestsPerMinute: 100_000, executionsPerMinute: 100_000, executionsPerDay: null };
  const server = await bootServer({
    home,
    host: '127.0.0.1',
    port: 0,
    logger: pino({ level: 'silent' }),
    apiKey: ADMIN_KEY,
    graceMs: 2_000,
    api: { anonymousRequestsPerMinute: 100_000 },
    services: { planLimits: { pro: unlimited } },
    ...(options.env && { env: options.env }),
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`../../examples/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
}
