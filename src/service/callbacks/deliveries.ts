import type { SecurityPolicy } from '../../net/index.js';
import { randomBase62, type ExecutionRecord, type Repositories } from '../../store/index.js';
import { assertCallbackUrl } from './callback-url.js';

/** Checked before the admission's transaction: the check may resolve a name, which takes time no lock should wait on. */
export async function checkCallbackUrl(url: string | undefined, policy: SecurityPolicy): Promise<void> {
  if (url !== undefined) await assertCallbackUrl(url, policy);
}

/**
 * One waiting delivery per execution, written in the transaction that admits it, so the callback
 * exists exactly when the execution does, whichever process runs it. The `webhook-id` is fixed here.
 */
export async function recordDeliveries(tx: Pick<Repositories, 'callbacks'>, url: string | undefined, records: ExecutionRecord[]): Promise<void> {
  if (url === undefined) return;
  for (const record of records) {
    await tx.callbacks.create({ id: `msg_${randomBase62(24)}`, executionId: record.id, accountId: record.accountId, url });
  }
}
