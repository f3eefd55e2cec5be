import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Secrets of the server itself (the key that signs artifact URLs), kept in the store so that
 * every process on it — two `serve`s on one home, API processes on one database — signs and
 * verifies with the same one.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('server_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export const serverSecrets: Migration = { up };
