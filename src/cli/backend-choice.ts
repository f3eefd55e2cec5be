import { chooseBackend, type BackendChoice } from '../backend/index.js';
import { bundledTemplatesDir } from '../skill/index.js';
import { pipewrightHome } from './runtime.js';
import { localPublicUrl } from './serve/options.js';
import { restLinks } from '../api/index.js';

/** The backend a CLI command talks to: a remote API when configured, else the store under PIPEWRIGHT_HOME. */
export function cliBackendChoice(env: NodeJS.ProcessEnv): BackendChoice {
  return chooseBackend(env, { home: pipewrightHome(env), links: restLinks(localPublicUrl(env)), templatesDir: bundledTemplatesDir() });
}
