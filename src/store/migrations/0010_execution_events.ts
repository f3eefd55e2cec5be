import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * What happened to each execution, in order (`execution_events`): the rows the event stream of
 * docs/events.md replays and follows. `id` counts up from 1 within one execution; it is written in
 * the same transaction as the state change it tells of, after that transaction has locked the
 * execution's row, so two processes writing one execution never take the same id.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('execution_events')
    .addColumn('execution_id', 'text', (c) => c.notNull())
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('execution_events_pk', ['execution_id', 'id'])
    .execute();
}

export const executionEvents: Migration = { up };
