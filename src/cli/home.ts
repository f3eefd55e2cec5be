import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** `PIPEWRIGHT_HOME`, default `~/.pipewright`: the store and the files runs make live here. */
export function pipewrightHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PIPEWRIGHT_HOME ?? join(homedir(), '.pipewright'));
}
