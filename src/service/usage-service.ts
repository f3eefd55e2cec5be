import { PipewrightError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import type { UsageService } from './contracts.js';
import { requireScope, type Plan } from './principal.js';
import { limitsFor, type ServiceSettings } from './settings.js';

/** Days of history in `GET /developer/usage`, today included. */
const HISTORY_DAYS = 30;
const DAY_MS = 86_400_000;

export function createUsageService(deps: { store: Store; settings: ServiceSettings; now: () => Date }): UsageService {
  const { store, settings, now } = deps;
  return {
    async usage(principal) {
      requireScope(principal, 'usage:read');
      const account = await store.accounts.get(principal.accountId);
      if (!account) throw new PipewrightError('not_found', 'No such account');
      const today = now().toISOString().slice(0, 10);
      const since = new Date(Date.parse(today) - (HISTORY_DAYS - 1) * DAY_MS).toISOString().slice(0, 10);
      const history = await store.usage.daily(principal.accountId, since);
      const todays = history.find((day) => day.date === today);
      return {
        plan: account.plan as Plan,
        balance: account.creditsBalance,
        usedToday: { credits: todays?.credits ?? 0, executions: todays?.executions ?? 0 },
        history,
        limits: limitsFor(settings, account.plan as Plan),
      };
    },
    limitsFor: (plan) => limitsFor(settings, plan),
  };
}
