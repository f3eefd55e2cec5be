import { PipewrightError } from '../../errors/index.js';

/** What a refused stream is told to wait: a stream is usually held for a run's length, so not less than this. */
const RETRY_AFTER_SECONDS = 5;

/**
 * The event streams each account has open on this process (docs/events.md, "Limits"): each holds
 * a connection and reads the store while it lasts, so an account may hold at most `max` at once.
 * `open` answers what closes it again; past the limit it throws `rate_limited` (429 with Retry-After).
 */
export class OpenStreams {
  readonly #open = new Map<string, number>();

  constructor(private readonly max: number) {}

  open(accountId: string): () => void {
    const count = this.#open.get(accountId) ?? 0;
    if (count >= this.max) {
      throw new PipewrightError(
        'rate_limited',
        `At most ${this.max} event streams may be open at once per account; close one or retry in ${RETRY_AFTER_SECONDS}s`,
        { details: { retryAfter: RETRY_AFTER_SECONDS } },
      );
    }
    this.#open.set(accountId, count + 1);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.#open.get(accountId) ?? 1) - 1;
      if (left === 0) this.#open.delete(accountId);
      else this.#open.set(accountId, left);
    };
  }
}
