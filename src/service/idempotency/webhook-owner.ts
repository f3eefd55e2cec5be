import type { Store } from '../../store/index.js';
import type { Plan } from '../principal.js';

export interface WebhookOwner {
  accountId: string;
  plan: Plan;
}

/**
 * A webhook trigger carries no key, yet its Idempotency-Key and its execution budget belong to
 * the workflow's owner. This resolves the owner before the request is handled; undefined for an
 * id that does not resolve (never existed, rotated away, workflow deleted).
 */
export type WebhookOwners = (webhookId: string) => Promise<WebhookOwner | undefined>;

export function createWebhookOwners(store: Pick<Store, 'workflows' | 'accounts'>): WebhookOwners {
  return async (webhookId) => {
    const workflow = await store.workflows.findByWebhook(webhookId);
    const account = workflow && (await store.accounts.get(workflow.accountId));
    return account && { accountId: account.id, plan: account.plan as Plan };
  };
}
