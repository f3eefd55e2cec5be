import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { SecretRepository } from '../store.js';

export function secretRepository(db: Kysely<Database>, now: () => Date): SecretRepository {
  return {
    // One write statement, its own transaction: of two processes starting at once, one inserts
    // and the other's insert does nothing, and both then read the winner's row. No lock is held
    // across an await, so two stores in one process cannot wait on each other either.
    async getOrCreate(name, candidate) {
      await db
        .insertInto('server_secrets')
        .values({ name, value: candidate, created_at: now().toISOString() })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
      return row.value;
    },

    async replace(name, current, next) {
      const result = await db.updateTable('server_secrets').set({ value: next }).where('name', '=', name).where('value', '=', current).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
