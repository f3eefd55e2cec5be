import type { Kysely, Selectable } from 'kysely';
import type { AccountsTable, Database } from '../database.js';
import type { AccountRecord } from '../records.js';
import type { AccountRepository } from '../store.js';
import { newId } from '../ids.js';
import { holding, type SqlFlavour } from '../sql-flavour.js';

export function accountRepository(db: Kysely<Database>, now: () => Date, flavour: SqlFlavour): AccountRepository {
  return {
    async create({ name, plan, creditsBalance }) {
      const row = { id: newId('acct'), name, plan, credits_balance: creditsBalance, created_at: now().toISOString() };
      await db.insertInto('accounts').values(row).execute();
      return toRecord(row);
    },
    async get(id) {
      // Inside a transaction the row is held (sql-flavour.ts): admission reads the balance, then what
      // runs still hold by the ledger, and a node charged between the two reads would already be off
      // what its run holds but not yet off the balance, overstating what is available.
      const row = await holding(db, flavour, db.selectFrom('accounts').selectAll().where('id', '=', id)).executeTakeFirst();
      return row && toRecord(row);
    },
    async first() {
      const row = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
      return row && toRecord(row);
    },
    async count() {
      const { n } = await db
        .selectFrom('accounts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(n);
    },
  };
}

function toRecord(row: Selectable<AccountsTable>): AccountRecord {
  return { id: row.id, name: row.name, plan: row.plan, creditsBalance: row.credits_balance, createdAt: row.created_at };
}
