import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Which process runs each execution (`runner`), so that a process starting on a home another
 * live process is using resumes only what dead processes left (docs/executions.md, "Resume").
 * Rows written before this migration have none and are resumable by anyone.
 */
async function up(db: Db): Promise<void> {
  await db.schema.alterTable('executions').addColumn('runner', 'text').execute();
}

export const executionRunner: Migration = { up };
