import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { CachedOutputRecord } from '../records.js';
import type { OutputCacheRepository } from '../store.js';
import { fromJson, toJson } from '../json.js';

/**
 * Another process may be writing at any moment, so every write here is a single statement:
 * SQLite takes its write lock before such a statement reads anything, so a second writer waits out
 * `busy_timeout` instead of failing on a read lock it cannot upgrade. A prune racing another
 * process's put may keep or drop an entry more than the bound says, never a fresh one.
 */
export function outputCacheRepository(db: Kysely<Database>, now: () => Date): OutputCacheRepository {
  const table = 'output_cache' as const;
  return {
    async get(key) {
      const row = await db.updateTable(table).set({ used_at: now().toISOString() }).where('cache_key', '=', key).returning('entry').executeTakeFirst();
      return row && fromJson<CachedOutputRecord>(row.entry);
    },
    async put(key, entry) {
      const at = now().toISOString();
      const row = { cache_key: key, entry: toJson(entry), created_at: at, used_at: at };
      await db
        .insertInto(table)
        .values(row)
        .onConflict((oc) => oc.column('cache_key').doUpdateSet({ entry: row.entry, created_at: at, used_at: at }))
        .execute();
    },
    async prune({ usedBefore, keep }) {
      const oldestKept = await db
        .selectFrom(table)
        .select(['used_at', 'cache_key'])
        .orderBy('used_at', 'desc')
        .orderBy('cache_key', 'desc')
        .offset(keep)
        .limit(1)
        .executeTakeFirst();
      const result = await db
        .deleteFrom(table)
        .where((eb) =>
          eb.or([
            eb('used_at', '<', usedBefore),
            ...(oldestKept === undefined
              ? []
              : [eb('used_at', '<', oldestKept.used_at), eb.and([eb('used_at', '=', oldestKept.used_at), eb('cache_key', '<=', oldestKept.cache_key)])]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
