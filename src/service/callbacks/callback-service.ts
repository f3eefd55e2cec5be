import { type Principal, requireScope } from '../principal.js';
import { callbackSecret } from './secret.js';
import { CallbackSender, type CallbackSenderOptions } from './sender.js';

export interface CallbackService {
  /** `GET /developer/callback-secret` (`admin`): the account's `whsec_…` signing secret, made on first use. */
  secret(principal: Principal): Promise<{ secret: string }>;
  /** Starts this process's sender (`serve`, `serve --no-worker`, `worker`); once, however often it is asked. */
  startSending(): void;
  /** Stops the sender; an attempt under way is recorded as cut short and redelivered later. */
  stopSending(): Promise<void>;
}

/** What the sender needs is all the service needs: the store holds the secrets too. */
export type CallbackServiceDeps = CallbackSenderOptions;

export function createCallbackService(deps: CallbackServiceDeps): CallbackService {
  const sender = new CallbackSender(deps);
  return {
    async secret(principal) {
      requireScope(principal, 'admin');
      return { secret: await callbackSecret(deps.store.secrets, principal.accountId) };
    },
    startSending: () => sender.start(),
    stopSending: () => sender.stop(),
  };
}
