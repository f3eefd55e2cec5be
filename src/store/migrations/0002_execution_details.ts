import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * What running executions needed beyond 0001: node rows keep the graph's order (`position`), and
 * a node that fans out may have one remote job per item, so its provider job ids are a JSON map
 * (`provider_job_ids`) rather than one id. Executions are listed per workflow, newest first.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('node_runs')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('node_runs').addColumn('provider_job_ids', 'text').execute();
  await db.schema.alterTable('node_runs').dropColumn('provider_job_id').execute();
  await db.schema.createIndex('executions_account_workflow_created').on('executions').columns(['account_id', 'workflow_id', 'created_at', 'id']).execute();
}

export const executionDetails: Migration = { up };
