import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Each claim on an Idempotency-Key gets its own random token (`claim`), so that the holder of a
 * claim that was abandoned and taken over can no longer complete or release the new holder's.
 * Rows written before this migration have none; their holders are gone with the old process.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('idempotency_records').addColumn('claim', 'text').execute();
}

export const idempotencyClaim: Migration = { up };
