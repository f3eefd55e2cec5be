import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { createBuiltinRegistry } from '../../src/nodes/index.js';
import { createServices, type Principal, type Scope, type ServiceSettings, type Services } from '../../src/service/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { ManualClock } from '../store/clock.js';
import { useTempHome } from './temp-home.js';
import { restLinks } from '../../src/api/index.js';

export const BASE_URL = 'http://127.0.0.1:8787';

export interface Harness {
  home: string;
  clock: ManualClock;
  store: Store;
  services: Services;
  /** The bootstrap account's admin. */
  admin: Principal;
  adminKey: string;
  /** A key of the bootstrap account with just these scopes. */
  principalWith(scopes: Scope[]): Promise<Principal>;
  /** A principal of a second account (all scopes). */
  stranger(): Promise<Principal>;
  /** Everything the store holds for an account, read back through the Store interface. */
  snapshot(accountId?: string): Promise<unknown>;
  /** Another process on the same database: its own store connection and its own services. */
  sibling(): Promise<Services>;
}

/** A real SQLite store in a temp home and the real services over it; no mocks. */
export function useHarness(settings: Partial<ServiceSettings> = {}): () => Harness {
  return useTempHome('useHarness', 'pw-service-', async (home, onCleanup): Promise<Harness> => {
    const clock = new ManualClock();
    const build = async () => {
      const store = await openStore({ home, now: clock.now });
      onCleanup(() => store.close());
      const services = createServices({ store, registry: createBuiltinRegistry(), settings: { links: restLinks(BASE_URL), ...settings }, now: clock.now });
      return { store, services };
    };
    const { store, services } = await build();
    const boot = await services.accounts.bootstrap({});
    const adminKey = boot.key ?? '';
    const admin = await services.auth.authenticate(`Bearer ${adminKey}`);
    const keyFor = async (accountId: string, scopes: Scope[]) => {
      const { key } = await services.keys.create({ accountId, scopes });
      return services.auth.authenticate(`Bearer ${key}`);
    };
    return {
      home,
      clock,
      store,
      services,
      admin,
      adminKey,
      principalWith: (scopes) => keyFor(admin.accountId, scopes),
      async stranger() {
        const other = await store.accounts.create({ name: 'Other', plan: 'free', creditsBalance: 0 });
        return keyFor(other.id, ['admin']);
      },
      snapshot: (accountId = admin.accountId) => snapshot(store, accountId),
      sibling: async () => (await build()).services,
    };
  });
}

async function snapshot(store: Store, accountId: string) {
  const { items } = await store.workflows.list(accountId, { limit: 100 });
  const workflows = await Promise.all(
    items.map(async (wf) => ({
      wf,
      versions: await Promise.all(((await store.workflows.versions(accountId, wf.id)) ?? []).map((v) => store.workflows.version(accountId, wf.id, v.version))),
    })),
  );
  return { account: await store.accounts.get(accountId), keys: await store.apiKeys.listByAccount(accountId), workflows };
}

/** A small valid graph over the built-in node types: a text input read by a result. */
export function simpleWorkflow(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Echo',
    description: 'Says it back',
    tags: ['demo'],
    nodes: [
      { id: 'prompt', type: 'basedNode', position: { x: 0, y: 0 }, data: { nodeType: 'input:text', label: 'Prompt', config: { prompt: 'hi' } } },
      { id: 'out', type: 'basedNode', position: { x: 300, y: 0 }, data: { nodeType: 'output:result', config: {} } },
    ],
    edges: [{ id: 'e1', source: 'prompt', target: 'out', sourceHandle: 'out-text', targetHandle: 'in-value' }],
    ...overrides,
  };
}

/** The PipewrightError a promise (or a function) rejects with, for asserting code and details. */
export async function failure(action: Promise<unknown> | (() => unknown)): Promise<{ code: string; details: Record<string, unknown>; message: string }> {
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (error) {
    return error as { code: string; details: Record<string, unknown>; message: string };
  }
  throw new Error('expected a failure, got success');
}

/** Services over a new, empty store (no bootstrap yet), closed and removed when the test ends. */
export async function emptyServices(settings: Partial<ServiceSettings> = {}): Promise<{ store: Store; services: Services }> {
  const home = await mkdtemp(join(tmpdir(), 'pw-service-empty-'));
  const store = await openStore({ home });
  onTestFinished(async () => {
    await store.close();
    await rm(home, { recursive: true, force: true });
  });
  return { store, services: createServices({ store, registry: createBuiltinRegistry(), settings: { links: restLinks(BASE_URL), ...settings } }) };
}
