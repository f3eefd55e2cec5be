import { afterAll, beforeAll } from 'vitest';
import { type PostgresCluster, startPostgres } from './postgres.js';

/**
 * One throwaway cluster (./postgres.ts) for the test file that calls this at its top level or in a
 * describe: started before its tests, stopped after them. Answers a getter for it, valid in tests.
 */
export function postgresForFile(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  return () => {
    if (!cluster) throw new Error('The PostgreSQL cluster is not running: postgresForFile() answers it inside tests only');
    return cluster;
  };
}
