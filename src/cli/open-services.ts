import { createBuiltinRegistry } from '../nodes/index.js';
import { createServices, type Services } from '../service/index.js';
import { pipewrightHome } from './runtime.js';
import { localPublicUrl } from './serve/options.js';
import { restLinks } from '../api/index.js';
import { openStore } from '../store/index.js';

/**
 * Runs `work` on the services over the store under PIPEWRIGHT_HOME, then closes the store —
 * how the `keys` commands reach the same data a running `serve` uses (SQLite WAL lets both open it).
 */
export async function withServices<T>(env: NodeJS.ProcessEnv, work: (services: Services) => Promise<T>): Promise<T> {
  const store = await openStore({ home: pipewrightHome(env) });
  try {
    return await work(createServices({ store, registry: createBuiltinRegistry(), settings: { links: restLinks(localPublicUrl(env)) } }));
  } finally {
    await store.close();
  }
}
