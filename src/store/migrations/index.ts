import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import { PipewrightError } from '../../errors/index.js';
import type { Database } from '../database.js';
import { initial } from './0001_initial.js';
import { executionDetails } from './0002_execution_details.js';
import { idempotencyClaim } from './0003_idempotency_claim.js';
import { executionEstimate } from './0004_execution_estimate.js';
import { executionRunner } from './0005_execution_runner.js';
import { outputCache } from './0007_output_cache.js';
import { serverSecrets } from './0008_server_secrets.js';
import { executionLease } from './0009_execution_lease.js';
import { executionEvents } from './0010_execution_events.js';
import { callbackDeliveries } from './0011_callback_deliveries.js';

/**
 * Every migration, in order. A migration, once committed, is never edited: a change to the
 * schema is a new entry here (docs/store.md, "Migration policy").
 */
const MIGRATIONS: Record<string, Migration> = {
  '0001_initial': initial,
  '0002_execution_details': executionDetails,
  '0003_idempotency_claim': idempotencyClaim,
  '0004_execution_estimate': executionEstimate,
  '0005_execution_runner': executionRunner,
  '0007_output_cache': outputCache,
  '0008_server_secrets': serverSecrets,
  '0009_execution_lease': executionLease,
  '0010_execution_events': executionEvents,
  '0011_callback_deliveries': callbackDeliveries,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema to the latest version; a no-op on a store that is already there. */
export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw new PipewrightError('store_migration_failed', 'The store could not be migrated', { cause: error });
}
