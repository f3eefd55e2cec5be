import { PipewrightError } from '../errors/index.js';
import type { Store } from '../store/index.js';
import type { AccountService } from './contracts.js';
import { issueKey } from './auth/issue-key.js';
import { honourOperatorKey } from './auth/operator-key.js';
import { DEFAULT_PLAN, DEFAULT_STARTING_CREDITS, type ServiceSettings } from './settings.js';

export function createAccountService(deps: { store: Store; settings: ServiceSettings; now: () => Date }): AccountService {
  const { store, settings, now } = deps;
  return {
    bootstrap({ apiKey }) {
      // One transaction: a crash can never leave an account without its admin key or its grant.
      return store.transaction(async (tx) => {
        const existing = await tx.accounts.first();
        if (existing) {
          if (apiKey === undefined) return { created: false, accountId: existing.id };
          const { added } = await honourOperatorKey(tx, existing.id, apiKey, now());
          return { created: false, accountId: existing.id, ...(added && { keyAdded: true }) };
        }
        const account = await tx.accounts.create({ name: 'Owner', plan: settings.defaultPlan ?? DEFAULT_PLAN, creditsBalance: 0 });
        await tx.ledger.record({ accountId: account.id, amount: settings.startingCredits ?? DEFAULT_STARTING_CREDITS, reason: 'grant' });
        const issued = await issueKey(tx, { accountId: account.id, name: 'admin', scopes: ['admin'], ...(apiKey !== undefined && { key: apiKey }) }, now());
        // An operator-supplied key is already known to them; only a generated one is handed back to print.
        return { created: true, accountId: account.id, ...(apiKey === undefined && { key: issued.key }) };
      });
    },

    async defaultAccountId() {
      const account = await store.accounts.first();
      if (!account) throw new PipewrightError('not_found', 'No account yet: start `pipewright serve` once to create it');
      return account.id;
    },
  };
}
