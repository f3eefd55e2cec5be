import { afterAll, beforeAll } from 'vitest';
import { type PostgresCluster, startPostgres } from '../../support/postgres.js';

/**
 * One throwaway PostgreSQL cluster for the calling test file, started before its tests and removed
 * after them; call at the top of a `describe`. Returns what makes each test its own empty database.
 */
export function usePostgresCluster(): () => Promise<string> {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 120_000);
  afterAll(() => cluster?.stop());
  return () => cluster!.createDatabase();
}
