import { randomBytes } from 'node:crypto';
import type { SecurityPolicy } from '../../net/index.js';
import type { CallbackDeliveryRecord, Store } from '../../store/index.js';
import { attemptCallback } from './attempt.js';
import { callbackPayload, type PayloadLinks } from './payload.js';
import { nextStep } from './schedule.js';
import { callbackSecrets, signingSecrets } from './secret.js';
import type { CallbackSettings } from './settings.js';

export interface CallbackSenderOptions {
  store: Store;
  /** The server's network rules (docs/security.md); the sender adds its timeout to them. */
  policy: SecurityPolicy;
  settings: CallbackSettings;
  urls: PayloadLinks;
  now: () => Date;
}

/** Attempts one sender has under way at most: a slow receiver holds one place, not the others' turn. */
const MAX_SENDING = 20;
/** What a claim holds beyond the attempt's own timeout: building the payload, writing the outcome. */
const LEASE_MARGIN_MS = 60_000;

/**
 * Sends the completion callbacks that are due, whoever ran the execution: every round it claims
 * from the store, under a lease, the waiting deliveries whose execution has ended and whose next
 * attempt has come, sends each once, and writes what it met and when the next attempt is due.
 * Any number of senders may share a store: a delivery is claimed by one at a time, and one that
 * dies holding it loses it when the lease ends (the attempt is then made again, same webhook-id).
 */
export class CallbackSender {
  readonly #policy: SecurityPolicy;
  readonly #abort = new AbortController();
  readonly #sending = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(private readonly options: CallbackSenderOptions) {
    // One object for the sender's life: the guarded agent (and its connection pool) is kept per policy.
    this.#policy = { ...options.policy, fetchTimeoutMs: options.settings.timeoutMs };
  }

  start(): void {
    if (this.#stopped || this.#timer !== undefined) return;
    this.#schedule();
  }

  /** Stops claiming; an attempt under way is cut short and recorded, and redelivered on the schedule. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#abort.abort(new Error('The server stopped while the callback was being sent'));
    await Promise.allSettled([...this.#sending]);
  }

  /** One round: claims what is due, as many as there is room for, and starts sending it. */
  async #round(): Promise<void> {
    const { store, settings, now } = this.options;
    const room = MAX_SENDING - this.#sending.size;
    if (room <= 0) return;
    const token = randomBytes(12).toString('base64url');
    const at = now();
    const leaseUntil = new Date(at.getTime() + settings.timeoutMs + LEASE_MARGIN_MS).toISOString();
    const due = await store.callbacks.claimDue({ token, now: at.toISOString(), leaseUntil, limit: room });
    for (const delivery of due) this.#track(this.#deliver(delivery, token));
  }

  #schedule(): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      // A round that fails as a whole (the store busy or gone) changed nothing: the next one tries again.
      this.#round()
        .catch(() => undefined)
        .finally(() => {
          if (!this.#stopped) this.#schedule();
        });
    }, this.options.settings.pollMs);
    this.#timer.unref();
  }

  /** Keeps an attempt under way where stop() can wait for it. One that fails to record keeps its lease until it ends, and is sent again then. */
  #track(work: Promise<void>): void {
    const tracked = work.catch(() => undefined).finally(() => this.#sending.delete(tracked));
    this.#sending.add(tracked);
  }

  async #deliver(delivery: CallbackDeliveryRecord, token: string): Promise<void> {
    const { store, settings, now } = this.options;
    const record = await store.executions.load(delivery.executionId);
    // Executions are kept (docs/api.md); should one be gone, there is nothing left to tell.
    if (record === undefined) {
      await store.callbacks.recordAttempt(delivery.id, token, { attempts: delivery.attempts, state: 'failed', nextAttemptAt: null });
      return;
    }
    const body = await callbackPayload(record, await store.executions.nodes(record.id), this.options.urls);
    const secrets = signingSecrets(await callbackSecrets(store.secrets, delivery.accountId), now());
    const attempt = await attemptCallback({ id: delivery.id, url: delivery.url, body, secrets, policy: this.#policy, now, signal: this.#abort.signal });
    await store.callbacks.recordAttempt(delivery.id, token, nextStep([...delivery.attempts, attempt], settings.retryDelaysMs, now()));
  }
}
