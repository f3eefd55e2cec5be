import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Each execution keeps the credits it was estimated at when admitted (`estimated_credits`), so
 * that admission can hold back what runs already accepted may still spend (docs/executions.md,
 * "Credits and the ledger"). Rows written before this migration hold nothing (0).
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('executions')
    .addColumn('estimated_credits', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export const executionEstimate: Migration = { up };
