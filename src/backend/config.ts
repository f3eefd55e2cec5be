import { PipewrightError } from '../errors/index.js';
import type { Links } from '../service/index.js';
import type { Backend } from './backend.js';
import { createEmbeddedBackend } from './embedded.js';
import { createRemoteBackend } from './remote.js';

/** A store on this machine: the home, the URLs a `serve` on it would hand out, and the templates of its first start. */
export interface LocalHome {
  home: string;
  links: Links;
  templatesDir: string;
}

export type BackendChoice =
  | { kind: 'remote'; baseUrl: string; apiKey: string }
  | { kind: 'embedded'; home: string; links: Links; templatesDir: string; apiKey?: string };

/**
 * Remote when `PIPEWRIGHT_API_URL` and `PIPEWRIGHT_API_KEY` are both set, else embedded on
 * `home`. A URL without a key is refused rather than silently run locally. A key alone keeps its
 * `serve` meaning: the admin key the first start creates.
 */
export function chooseBackend(env: NodeJS.ProcessEnv, local: LocalHome): BackendChoice {
  const baseUrl = nonEmpty(env.PIPEWRIGHT_API_URL);
  const apiKey = nonEmpty(env.PIPEWRIGHT_API_KEY);
  if (baseUrl !== undefined) {
    if (apiKey === undefined) {
      throw new PipewrightError(
        'missing_api_key',
        'PIPEWRIGHT_API_URL is set but PIPEWRIGHT_API_KEY is not: set both to use a remote pipewright, or neither to use the local store',
      );
    }
    return { kind: 'remote', baseUrl, apiKey };
  }
  return embeddedChoice(env, local);
}

/** The store on `local` whatever `PIPEWRIGHT_API_URL` says: for work that needs this machine's files and network. */
export function embeddedChoice(env: NodeJS.ProcessEnv, local: LocalHome): BackendChoice {
  const apiKey = nonEmpty(env.PIPEWRIGHT_API_KEY);
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
