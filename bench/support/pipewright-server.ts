import { forkServer, type ChildServer } from './child.js';
import type { Defer } from './scope.js';
import type { PipewrightServerInfo } from './server-process.js';

export type { PipewrightServerInfo } from './server-process.js';

export interface PipewrightServerOptions {
  /** A fresh PIPEWRIGHT_HOME: the server creates its account there and prints the admin key. */
  home: string;
  /** pipewright's log level; `info` adds one access-log line per request. */
  logLevel: string;
  /** When set, the server runs with `--cpu-prof` and writes its profile here when it stops. */
  profileDir?: string;
  /** Operator settings read from the environment, e.g. PIPEWRIGHT_ALLOW_PRIVATE_NETWORK. */
  env?: NodeJS.ProcessEnv;
}

/** The real server in a child process (see server-process.ts), stopped when the scope ends. */
export async function forkPipewright(defer: Defer, options: PipewrightServerOptions): Promise<ChildServer<PipewrightServerInfo>> {
  const server = await forkServer<PipewrightServerInfo>({
    entry: new URL('./server-process.ts', import.meta.url),
    args: [options.home, options.logLevel],
    nodeFlags: options.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`],
    ...(options.env !== undefined && { env: options.env }),
  });
  defer(() => server.stop());
  return server;
}
