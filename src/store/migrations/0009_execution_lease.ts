import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Until when the execution's owner holds it (`lease_until`, ISO time): the owner renews it while
 * it runs, and once it has passed any process on any host may take the execution over
 * (docs/executions.md, "Resume after a crash"). Rows written before this migration hold no lease;
 * only the owner-liveness check of migration 0005 frees them.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('executions').addColumn('lease_until', 'text').execute();
}

export const executionLease: Migration = { up };
