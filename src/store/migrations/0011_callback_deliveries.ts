import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Completion callbacks (docs/events.md, "Completion callbacks"): one row per execution that asked
 * for one, written in the transaction that admits the execution, so a delivery never depends on
 * the process that runs it. `id` is the Standard Webhooks `webhook-id`, fixed at creation and sent
 * with every attempt; `attempts` is a JSON list of what each attempt met. A sender in any process
 * takes a due delivery by setting `lease_owner`/`lease_until` in one conditional update, so two
 * processes never send the same attempt at once, and a sender that dies loses only its lease.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('callback_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('execution_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('callback_deliveries_due').on('callback_deliveries').columns(['state', 'next_attempt_at']).execute();
  await db.schema.createIndex('callback_deliveries_execution').on('callback_deliveries').columns(['execution_id']).execute();
}

export const callbackDeliveries: Migration = { up };
