import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { Engine } from '../engine/index.js';
import { policyFor } from '../net/policy.js';
import { createBuiltinRegistry } from '../nodes/index.js';
import { createProviders, providerSettingsFromEnv } from '../providers/index.js';
import { LocalArtifactStore } from '../store/artifacts/index.js';

/** `PIPEWRIGHT_HOME`, default `~/.pipewright`: artifacts (and, later, the store) live here. */
export function pipewrightHome(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.PIPEWRIGHT_HOME ?? join(homedir(), '.pipewright'));
}

/**
 * What a CLI command runs on: the built-in node types with the providers whose keys are in the
 * environment, artifacts under PIPEWRIGHT_HOME, and the CLI's policy (the user's own machine, so
 * local files and private addresses are allowed).
 */
export function cliRuntime(env: NodeJS.ProcessEnv = process.env) {
  const providers = createProviders(providerSettingsFromEnv(env));
  const registry = createBuiltinRegistry({ providers });
  const artifacts = new LocalArtifactStore({ dir: join(pipewrightHome(env), 'artifacts') });
  const engine = new Engine({ registry, artifacts, policy: policyFor('cli', env) });
  return { registry, providers, artifacts, engine };
}
