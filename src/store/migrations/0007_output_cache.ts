import type { Kysely, Migration } from 'kysely';

type Db = Kysely<any>;

/**
 * Node outputs kept for reuse (`output_cache`), shared by every process on the home: a `serve`,
 * an `mcp` and an embedded run each serve what the others ran. Keyed by the engine's cache key
 * (which already carries the account); `used_at` orders what a prune drops first.
 */
async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('output_cache')
    .addColumn('cache_key', 'text', (c) => c.primaryKey())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('output_cache_used').on('output_cache').columns(['used_at', 'cache_key']).execute();
}

export const outputCache: Migration = { up };
