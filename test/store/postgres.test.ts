import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { postgresForFile } from '../support/postgres-per-file.js';
import { describeStore } from './conformance.js';

// One throwaway cluster for the file, a new database for every test: each starts from an empty store.
const cluster = postgresForFile();

describeStore('PostgreSQL', async ({ now }) => {
  const databaseUrl = await cluster().createDatabase();
  const open = () => openStore({ home: '/nonexistent', databaseUrl, now });
  return { store: await open(), reopen: open };
});

describe('openStore (PostgreSQL)', () => {
  it('migrates a new database once when three stores, each with its own pg pool, open it at once', async () => {
    // Three pools in this process race for Kysely's migration lock (pg_advisory_lock) as three
    // processes would: the lock is per database session, and each pool has sessions of its own.
    const databaseUrl = await cluster().createDatabase();
    const stores = await Promise.all([1, 2, 3].map(() => openStore({ home: '/nonexistent', databaseUrl })));
    try {
      await stores[0]!.accounts.create({ name: 'A', plan: 'pro', creditsBalance: 0 });
      for (const store of stores) expect(await store.accounts.count()).toBe(1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
