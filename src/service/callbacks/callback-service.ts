import { type Principal, requireScope } from '../principal.js';
import { callbackSecrets, rotateCallbackSecret } from './secret.js';
import { CallbackSender, type CallbackSenderOptions } from './sender.js';

export interface CallbackService {
  /** `GET /developer/callback-secret` (`admin`): the account's `whsec_…` signing secret, made on first use. */
  secret(principal: Principal): Promise<{ secret: string }>;
  /** `POST /developer/callback-secret/rotate` (`admin`): a new secret; the old one keeps signing beside it until `previousValidUntil`. */
  rotateSecret(principal: Principal): Promise<{ secret: string; previousValidUntil: string }>;
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
      return { secret: (await callbackSecrets(deps.store.secrets, principal.accountId)).secret };
    },
    async rotateSecret(principal) {
      requireScope(principal, 'admin');
      const rotated = await rotateCallbackSecret(deps.store.secrets, principal.accountId, deps.now());
      return { secret: rotated.secret, previousValidUntil: rotated.previousUntil! };
    },
    startSending: () => sender.start(),
    stopSending: () => sender.stop(),
  };
}
