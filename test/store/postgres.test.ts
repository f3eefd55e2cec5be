import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { type PostgresCluster, startPostgres } from '../support/postgres.js';
import { describeStore } from './conformance.js';

// One throwaway cluster for the file, a new database for every test: each starts from an empty store.
let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

describeStore('PostgreSQL', async ({ now }) => {
  const databaseUrl = await cluster.createDatabase();
  const open = () => openStore({ home: '/nonexistent', databaseUrl, now });
  return { store: await open(), reopen: open };
});
