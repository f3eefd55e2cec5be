import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { DailyUsage } from '../records.js';
import type { UsageRepository } from '../store.js';

export function usageRepository(db: Kysely<Database>): UsageRepository {
  return {
    async daily(accountId, sinceDate) {
      // substr over ISO-8601 text is the UTC day in both SQLite and PostgreSQL.
      const credits = await db
        .selectFrom('credit_ledger')
        .select((eb) => [eb.fn<string>('substr', ['created_at', eb.val(1), eb.val(10)]).as('day'), eb.fn.sum<number>('amount').as('total')])
        .where('account_id', '=', accountId)
        // Spending is node charges only: a negative grant (an adjustment) lowers the balance but was not spent.
        .where('reason', '=', 'charge')
        .where('created_at', '>=', sinceDate)
        .groupBy('day')
        .execute();
      const executions = await db
        .selectFrom('executions')
        .select((eb) => [eb.fn<string>('substr', ['created_at', eb.val(1), eb.val(10)]).as('day'), eb.fn.countAll<number>().as('total')])
        .where('account_id', '=', accountId)
        .where('created_at', '>=', sinceDate)
        .groupBy('day')
        .execute();
      return mergeDays(credits, executions);
    },
  };
}

type DayTotal = { day: string; total: number | string | bigint };

function mergeDays(credits: DayTotal[], executions: DayTotal[]): DailyUsage[] {
  const days = new Map<string, DailyUsage>();
  const dayOf = (date: string) => days.get(date) ?? days.set(date, { date, credits: 0, executions: 0 }).get(date)!;
  for (const { day, total } of credits) dayOf(day).credits = -Number(total);
  for (const { day, total } of executions) dayOf(day).executions = Number(total);
  return [...days.values()].sort((a, b) => a.date.localeCompare(b.date));
}
