import { chooseBackend, embeddedChoice, type BackendChoice, type LocalHome } from '../backend/index.js';
import { bundledTemplatesDir } from '../skill/index.js';
import { pipewrightHome } from './home.js';
import { localPublicUrl } from './serve/options.js';
import { restLinks } from '../api/index.js';

/** The backend a CLI command talks to: a remote API when configured, else the store under PIPEWRIGHT_HOME. */
export function cliBackendChoice(env: NodeJS.ProcessEnv): BackendChoice {
  return chooseBackend(env, localHome(env));
}

/** The store under PIPEWRIGHT_HOME even when a remote API is configured: for runs that read this machine's files. */
export function localBackendChoice(env: NodeJS.ProcessEnv): BackendChoice {
  return embeddedChoice(env, localHome(env));
}

export function localHome(env: NodeJS.ProcessEnv): LocalHome {
  return { home: pipewrightHome(env), links: restLinks(localPublicUrl(env)), templatesDir: bundledTemplatesDir() };
}
