import { delimiter, join } from 'node:path';
import { npm, userShellEnv } from './npm.js';

/** The two dependencies whose install scripts must run: they build or download native code. */
export const NATIVE_INSTALL_SCRIPTS = ['better-sqlite3', 're2'];

export interface InstalledCli {
  prefix: string;
  /** PATH with the prefix's bin folder first: where `pipewright` is found, as after a user's `npm install -g`. */
  path: string;
  /** The installed package's folder. */
  packageDir: string;
}

/**
 * `npm install -g <spec>` into `prefix`, as the README says (the flag lets npm 12, which blocks
 * install scripts by default, run the two native installers; older npm runs them anyway).
 */
export async function installGlobally(options: { spec: string; prefix: string; cwd: string; env?: Record<string, string> }): Promise<InstalledCli> {
  const args = ['install', '--global', '--prefix', options.prefix, `--allow-scripts=${NATIVE_INSTALL_SCRIPTS.join(',')}`];
  // --prefer-offline: what `npm ci` put in the cache is used without asking the registry again.
  await npm([...args, '--prefer-offline', '--no-audit', '--no-fund', options.spec], { cwd: options.cwd, env: userShellEnv(options.env) });
  const bin = process.platform === 'win32' ? options.prefix : join(options.prefix, 'bin');
  const lib = process.platform === 'win32' ? join(options.prefix, 'node_modules') : join(options.prefix, 'lib', 'node_modules');
  return { prefix: options.prefix, path: [bin, process.env.PATH ?? ''].join(delimiter), packageDir: join(lib, 'pipewright') };
}
