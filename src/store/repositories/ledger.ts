import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { LedgerRepository } from '../store.js';
import { atomic } from '../atomic.js';
import { newId } from '../ids.js';

export function ledgerRepository(db: Kysely<Database>, now: () => Date): LedgerRepository {
  return {
    record(entry) {
      // The entry and the balance move together, or neither does: the ledger must sum to the balance.
      return atomic(db, async (trx) => {
        await trx
          .insertInto('credit_ledger')
          .values({
            id: newId('led'),
            account_id: entry.accountId,
            execution_id: entry.executionId ?? null,
            node_id: entry.nodeId ?? null,
            amount: entry.amount,
            reason: entry.reason,
            created_at: now().toISOString(),
          })
          .execute();
        await trx
          .updateTable('accounts')
          .set((eb) => ({ credits_balance: eb('credits_balance', '+', entry.amount) }))
          .where('id', '=', entry.accountId)
          .execute();
      });
    },
  };
}
