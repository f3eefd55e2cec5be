import { PipewrightError } from '../errors/index.js';
import type { Links } from '../service/index.js';
import type { Backend } from './backend.js';
import { createEmbeddedBackend } from './embedded.js';
import { createRemoteBackend } from './remote.js';

export type BackendChoice =
  | { kind: 'remote'; baseUrl: string; apiKey: string }
  | { kind: 'embedded'; home: string; links: Links; templatesDir: string; apiKey?: string };

/**
 * Remote when `PIPEWRIGHT_API_URL` and `PIPEWRIGHT_API_KEY` are both set, else embedded on
 * `home`. A URL without a key is refused rather than silently run locally. A key alone keeps its
 * `serve` meaning: the admin key the first start creates.
 */
export function chooseBackend(env: NodeJS.ProcessEnv, local: { home: string; links: Links; templatesDir: string }): BackendChoice {
  const baseUrl = nonEmpty(env.PIPEWRIGHT_API_URL);
  const apiKey = nonEmpty(env.PIPEWRIGHT_API_KEY);
  if (baseUrl !== undefined) {
    if (apiKey === undefined) {
      throw new PipewrightError('missing_api_key', 'PIPEWRIGHT_API_URL is set but PIPEWRIGHT_API_KEY is not: set both to use a remote pipewright, or neither to use the local store');
    }
    return { kind: 'remote', baseUrl, apiKey };
  }
  return { kind: 'embedded', ...local, ...(apiKey !== undefined && { apiKey }) };
}

export async function createBackend(choice: BackendChoice, env: NodeJS.ProcessEnv): Promise<Backend> {
  if (choice.kind === 'remote') return createRemoteBackend({ baseUrl: choice.baseUrl, apiKey: choice.apiKey });
  return createEmbeddedBackend({ ...choice, env });
}

/** One line for the operator's log; never the key. */
export function describeBackend(choice: BackendChoice): string {
  return choice.kind === 'remote' ? `remote pipewright API at ${choice.baseUrl}` : `embedded store under ${choice.home}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
