import { postgresForFile } from '../../support/postgres-per-file.js';

/**
 * One throwaway PostgreSQL cluster for the calling test file (../../support/postgres-per-file.ts);
 * call at the top of a `describe`. Returns what makes each test its own empty database.
 */
export function usePostgresCluster(): () => Promise<string> {
  const cluster = postgresForFile();
  return () => cluster().createDatabase();
}
