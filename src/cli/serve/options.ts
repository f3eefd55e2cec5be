import { PipewrightError } from '../../errors/index.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;

/** Where a `pipewright serve` on this home would be reached, for commands that do not bind: `PIPEWRIGHT_PUBLIC_URL`, else the default address. */
export function localPublicUrl(env: NodeJS.ProcessEnv): string {
  return env.PIPEWRIGHT_PUBLIC_URL ?? `http://${DEFAULT_HOST}:${DEFAULT_PORT}`;
}

export interface ServeFlags {
  port?: string;
  host?: string;
  artifactUrlTtl?: string;
  requestsPerMinute?: string;
  executionsPerMinute?: string;
  executionsPerDay?: string;
  /** `--no-worker` sets it false: the API only. */
  worker?: boolean;
}

/** Flags first, then `PORT`, then the default; a bad port is refused, not guessed at. */
export function listenAddress(flags: ServeFlags, env: NodeJS.ProcessEnv): { host: string; port: number } {
  const raw = flags.port ?? env.PORT;
  return { host: flags.host ?? DEFAULT_HOST, port: raw === undefined ? DEFAULT_PORT : parsePort(raw) };
}

/** Seconds a signed artifact URL stays valid: the flag, then `PIPEWRIGHT_ARTIFACT_URL_TTL`; undefined leaves the default (7 days). */
export function artifactUrlTtl(flags: ServeFlags, env: NodeJS.ProcessEnv): number | undefined {
  const raw = flags.artifactUrlTtl ?? env.PIPEWRIGHT_ARTIFACT_URL_TTL;
  if (raw === undefined) return undefined;
  if (!/^[1-9][0-9]{0,9}$/.test(raw.trim())) {
    throw new PipewrightError('invalid_field', `The artifact URL lifetime must be a whole number of seconds above 0 (604800 is 7 days), got "${raw}"`, {
      details: { field: 'artifactUrlTtl' },
    });
  }
  return Number(raw.trim());
}

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!/^[0-9]{1,5}$/.test(raw) || port > 65_535) {
    throw new PipewrightError('invalid_field', `Port must be an integer from 0 to 65535, got "${raw}"`, { details: { field: 'port' } });
  }
  return port;
}
