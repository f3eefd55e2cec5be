import { openLocalRuntime, type LocalRuntime } from '../backend/index.js';
import { localHome } from './backend-choice.js';

/**
 * Runs `work` on the services over the store under PIPEWRIGHT_HOME, then closes it — how the
 * `keys` and `templates` commands reach the same data a running `serve` uses (SQLite WAL lets
 * both open it). Nothing is started up: no account is made, no execution resumed.
 */
export async function withServices<T>(env: NodeJS.ProcessEnv, work: (services: LocalRuntime['services']) => Promise<T>): Promise<T> {
  const { home, links } = localHome(env);
  const runtime = await openLocalRuntime({ home, env, mode: 'cli', settings: { links } });
  try {
    return await work(runtime.services);
  } finally {
    await runtime.close();
  }
}
